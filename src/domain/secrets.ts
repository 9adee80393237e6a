// Secrets inside settings values (webhook keys and tokens, SMTP passwords), masked for readers
// who may use a setting but not learn its credentials. Field names and URL parts that carry a
// credential by convention are masked; everything else is shown as stored.

const SECRET_FIELD = /^(token|password|pass|secret|key|apikey|api_key|access_token|sign|signature)$/i
const MASK = '***'

/** A URL with its password and credential-like query parameters (key=, token=, …) masked. */
export function maskUrl(text: string): string {
  let u: URL
  try {
    u = new URL(text)
  } catch {
    return text
  }
  let changed = false
  if (u.password) (u.password = MASK), (changed = true)
  for (const name of [...u.searchParams.keys()]) {
    if (SECRET_FIELD.test(name)) u.searchParams.set(name, MASK), (changed = true)
  }
  return changed ? decodeURIComponent(u.toString()) : text
}

/** A copy of value with every secret field and URL credential masked. */
export function maskSecrets(value: unknown): unknown {
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? maskUrl(value) : value
  if (Array.isArray(value)) return value.map(maskSecrets)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) && (typeof v === 'string' || typeof v === 'number') ? MASK : maskSecrets(v)]),
    )
  }
  return value
}
