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
  private buf = Buffer.allocUnsafe(PIECE);
  private at = 0;
  private before = 0;

  /** Bytes written so far. */
  get length(): number {
    return this.before + this.at;
  }

  write(text: string): void {
    if (this.at + text.length * 3 > this.buf.length) {
      this.done.push(this.buf.subarray(0, this.at));
      this.before += this.at;
      this.buf = Buffer.allocUnsafe(Math.max(PIECE, text.length * 3));
      this.at = 0;
    }
    this.at += this.buf.write(text, this.at, 'utf8');
  }

  /** Everything written, in one buffer. */
  bytes(): Buffer {
    return Buffer.concat([...this.done, this.buf.subarray(0, this.at)]);
  }
}
