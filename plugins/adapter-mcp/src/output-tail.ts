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
