// Exports leave board's control (email attachments, shared drives), so personal data that citizens
// typed into their messages is masked by default. Matching runs on a copy where full-width digits,
// letters and signs (１３８…, ＠) are folded to ASCII one-for-one, so positions stay the same and
// the mask lands on the original text.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g
// 18-digit resident ID (the last may be X), not inside a longer run of digits.
const ID_CARD = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g
// Mainland mobiles, with +86 and spaces or hyphens between the 3-4-4 groups.
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}(?![0-9])/g
// Landlines: area code 0xx(x), bare or in brackets as people write it ((0731)84567890), then 7–8 digits.
const LANDLINE = /(?<![0-9])(?:\(0[0-9]{2,3}\)|0[0-9]{2,3})[\s-]?[0-9]{7,8}(?![0-9])/g

function fold(text: string): string {
  // U+FF01–U+FF5E are the full-width forms of U+0021–U+007E; U+3000 is the ideographic space.
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Keeps the first `keepStart` and last `keepEnd` digits visible, stars the digits between; separators stay. */
function mask(s: string, keepStart: number, keepEnd: number): string {
  const digits = [...fold(s)].filter((c) => /[0-9Xx]/.test(c)).length
  let n = 0
  return [...s]
    .map((c) => {
      if (!/[0-9Xx]/.test(fold(c))) return c
      n++
      return n <= keepStart || n > digits - keepEnd ? c : '*'
    })
    .join('')
}

export interface Redaction {
  text: string
  /** how many phone numbers, ID numbers and email addresses were masked */
  masked: number
}

/** Every pattern above needs a digit or an @, in either width: text with neither has nothing to mask. */
const MAYBE_PERSONAL = /[0-9@\uFF10-\uFF19\uFF20]/

export function redactPersonalData(text: string): Redaction {
  if (!MAYBE_PERSONAL.test(text)) return {text, masked: 0}
  const folded = fold(text)
  const spans: {start: number; end: number; replacement: string}[] = []
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start)
  const collect = (re: RegExp, replace: (m: string) => string) => {
    for (const m of folded.matchAll(re)) {
      const start = m.index
      const end = start + m[0].length
      if (!taken(start, end)) spans.push({start, end, replacement: replace(text.slice(start, end))})
    }
  }
  collect(EMAIL, (m) => {
    const at = m.search(/[@＠]/)
    return m.slice(0, 1) + '***' + m.slice(at)
  })
  collect(ID_CARD, (m) => mask(m, 3, 2))
  collect(MOBILE, (m) => mask(m, [...fold(m)].filter((c) => /[0-9]/.test(c)).length - 8, 4))
  collect(LANDLINE, (m) => mask(m, 4, 2))
  if (spans.length === 0) return {text, masked: 0}
  spans.sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const s of spans) {
    out += text.slice(at, s.start) + s.replacement
    at = s.end
  }
  return {text: out + text.slice(at), masked: spans.length}
}

export function redact(text: string | null): string | null {
  return text === null ? null : redactPersonalData(text).text
}
