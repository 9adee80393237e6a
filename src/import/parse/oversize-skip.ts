// Finds where a record too long to parse ends, reading the bytes that follow without keeping them,
// so one over-size record is rejected and the import goes on with the next. It reads quotes as
// csv-parse does with relax_quotes: a field that starts with a quote runs to a quote not doubled;
// a quote elsewhere is text. \r\n, \n and a lone \r each end a record.

const QUOTE = 0x22
const COMMA = 0x2c
const CR = 0x0d
const LF = 0x0a

export class OversizeSkip {
  private fieldStart = true
  private inQuotes = false
  /** A quote inside a quoted field: the next byte says whether it was doubled or closed the field. */
  private quoteSeen = false
  /** The last byte read inside quotes was \r. */
  private afterCr = false
  /** The record ended on \r: a \n next belongs to it. */
  private crEnd = false
  /** Line breaks in the record so far, its own end included. */
  lineBreaks = 0
  done = false

  /** Reads bytes of the record; once it ends, returns where the next record starts in `bytes`. */
  feed(bytes: Buffer): number | undefined {
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i]
      if (this.crEnd) {
        this.done = true
        return c === LF ? i + 1 : i
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false
          if (c === QUOTE) continue
          this.inQuotes = false
          // falls through: c is read as after a closed field
        } else {
          if (c === QUOTE) this.quoteSeen = true
          // \r\n is one line break, counted at its \r (the two may come in different chunks).
          else if (c === CR || (c === LF && !this.afterCr)) this.lineBreaks++
          this.afterCr = c === CR
          continue
        }
      }
      if (c === COMMA) this.fieldStart = true
      else if (c === LF) {
        this.lineBreaks++
        this.done = true
        return i + 1
      } else if (c === CR) {
        this.lineBreaks++
        this.crEnd = true
      } else {
        if (c === QUOTE && this.fieldStart) this.inQuotes = true
        this.fieldStart = false
      }
    }
    return undefined
  }

  /** The input ended: true when it ended inside a quoted field (a quote never closed). */
  endsOpen(): boolean {
    if (this.crEnd) this.done = true
    return this.inQuotes && !this.quoteSeen
  }
}
