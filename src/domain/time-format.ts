const formatters = new Map<string, Intl.DateTimeFormat>()

/** `2019-04-24 15:40` in the configured zone; stored times are UTC. */
export function formatTime(iso: string | null | undefined, tz: string, withSeconds = false): string {
  if (!iso) return ''
  const key = tz + withSeconds
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    })
    formatters.set(key, f)
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${withSeconds ? ':' + p.second : ''}`
}
