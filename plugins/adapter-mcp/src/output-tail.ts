/** The last lines a server wrote to stderr (and stray stdout lines), quoted in error messages. */

const MAX_LINE_CHARS = 500;

/** A ring of the last `size` non-empty lines. */
export class OutputTail {
  readonly #lines: string[] = [];
  readonly #size: number;

  constructor(size = 12) {
    this.#size = size;
  }

  /** Keep one line (long lines are cut). */
  push(line: string): void {
    const text = line.replace(/\s+$/, '');
    if (text.trim() === '') return;
    this.#lines.push(text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text);
    if (this.#lines.length > this.#size) this.#lines.shift();
  }

  /** The kept lines, oldest first. */
  get lines(): readonly string[] {
    return this.#lines;
  }

  /** `; last stderr lines:\n  a\n  b`, or `` (the server wrote nothing). */
  format(): string {
    if (this.#lines.length === 0) return '; the server wrote nothing to stderr';
    return `; last stderr lines:\n${this.#lines.map((l) => `  ${l}`).join('\n')}`;
  }
}

/** Cuts a byte stream at "\n" (a trailing "\r" is dropped); a line beyond `maxBytes` is reported once and skipped. */
export class LineSplitter {
  #parts: Buffer[] = [];
  #size = 0;
  #overflow = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onLine: (line: string) => void,
    private readonly onOverflow: () => void,
  ) {}

  /** Feed the next chunk. */
  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl === -1) {
        this.#append(chunk.subarray(start));
        return;
      }
      this.#append(chunk.subarray(start, nl));
      this.#emit();
      start = nl + 1;
    }
  }

  /** The stream ended: emit a last line without "\n". */
  end(): void {
    if (this.#size > 0 || this.#overflow) this.#emit();
  }

  #append(part: Buffer): void {
    if (this.#overflow || part.length === 0) return;
    if (this.#size + part.length > this.maxBytes) {
      this.#overflow = true;
      this.#parts = [];
      this.#size = 0;
      this.onOverflow();
      return;
    }
    this.#parts.push(part);
    this.#size += part.length;
  }

  #emit(): void {
    if (this.#overflow) {
      this.#overflow = false;
      return;
    }
    const line = (this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts)).toString('utf8');
    this.#parts = [];
    this.#size = 0;
    this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}
