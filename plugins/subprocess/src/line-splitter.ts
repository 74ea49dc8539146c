/** Splitting process output into lines, with a cap on the length of one line. */

/** Cuts a byte stream at "\n" (a trailing "\r" is dropped); lines longer than the cap are skipped. */
export class LineSplitter {
  readonly #maxLineBytes: number;
  readonly #onLine: (line: string) => void;
  readonly #onOverflow: () => void;
  #parts: Buffer[] = [];
  #size = 0;
  #overflow = false;

  constructor(maxLineBytes: number, onLine: (line: string) => void, onOverflow: () => void) {
    this.#maxLineBytes = maxLineBytes;
    this.#onLine = onLine;
    this.#onOverflow = onOverflow;
  }

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
    if (this.#size + part.length > this.#maxLineBytes) {
      this.#overflow = true;
      this.#parts = [];
      this.#size = 0;
      this.#onOverflow();
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
    let line = (this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts)).toString('utf8');
    this.#parts = [];
    this.#size = 0;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    this.#onLine(line);
  }
}
