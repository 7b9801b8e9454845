/**
 * Text written as UTF-8 into 4 MB pieces as it comes, joined once at the end.
 * A national draw's files (the record, the witness page and workbook) are made
 * this way: no line or row string outlives the moment it is written, where
 * 150,000 row strings kept for one join cost seconds of garbage collection and
 * encoding the joined text a second pass.
 */
const PIECE = 1 << 22;

export class Utf8Out {
  private readonly done: Buffer[] = [];
  private buf: Buffer;
  private at = 0;
  private before = 0;

  /**
   * `reserve`: an upper bound on the bytes to come, when the caller knows one. Then they go into one buffer of
   * that size, handed out at the end without a copy: memory is only taken by the pages written (a national
   * draw's 83 MB sheet, joined from its pieces, cost as much again in fresh memory and a copy). Beyond it the
   * text goes on into pieces as without one.
   */
  constructor(private readonly reserve = 0) {
    this.buf = Buffer.allocUnsafeSlow(reserve > 0 ? reserve : PIECE); // a small page's room is small: it is kept with the page
  }

  /** Bytes written so far. */
  get length(): number {
    return this.before + this.at;
  }

  write(text: string): void {
    if (this.at + text.length * 3 > this.buf.length) {
      this.done.push(this.buf.subarray(0, this.at));
      this.before += this.at;
      this.buf = Buffer.allocUnsafeSlow(Math.max(PIECE, text.length * 3));
      this.at = 0;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** Everything written, in one buffer (the reserved one itself when everything fitted in it). */
  bytes(): Buffer {
    if (this.reserve > 0 && this.done.length === 0) return this.buf.subarray(0, this.at);
    return Buffer.concat([...this.done, this.buf.subarray(0, this.at)]);
  }
}

/**
 * An upper bound on the UTF-8 bytes of a text of `units` UTF-16 code units once escaped for XML or HTML: at most
 * six bytes each (`"` as `&quot;`; a CJK character is three bytes, an astral one four for two units).
 */
export const escapedUtf8Bound = (units: number): number => 6 * units;
