export type Encoding = 'utf8' | 'gb18030'

/**
 * Excel saves Chinese CSV as GBK/GB18030 unless told otherwise. A BOM means UTF-8; otherwise the
 * first bytes are tried as strict UTF-8, and invalid UTF-8 means GB18030 (a superset of GBK).
 */
export function detectEncoding(head: Buffer): Encoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8'
  // A multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes.
  for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
    try {
      new TextDecoder('utf-8', {fatal: true}).decode(head.subarray(0, head.length - cut))
      return 'utf8'
    } catch {
      // try a shorter sample
    }
  }
  return 'gb18030'
}

export function normaliseEncoding(name: string): Encoding {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (n === 'utf8' || n === 'utf8bom' || n === 'utf8sig') return 'utf8'
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030'
  throw new Error(`unsupported encoding "${name}" (use utf8 or gb18030)`)
}
