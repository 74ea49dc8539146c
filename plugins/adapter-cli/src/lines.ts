/** The tail of an agent's stderr kept for error messages (line splitting is @atp/subprocess's LineSplitter). */

/** The last lines an agent wrote to stderr, kept short for error messages. */
export class LineTail {
  readonly #max: number;
  readonly #maxChars: number;
  #lines: string[] = [];

  constructor(max = 10, maxChars = 300) {
    this.#max = max;
    this.#maxChars = maxChars;
  }

  push(line: string): void {
    const text = line.trimEnd();
    if (text.trim() === '') return;
    this.#lines.push(text.length > this.#maxChars ? `${text.slice(0, this.#maxChars)}…` : text);
    if (this.#lines.length > this.#max) this.#lines.shift();
  }

  get lines(): readonly string[] {
    return this.#lines;
  }

  /** `; stderr (last N lines):` followed by the indented lines, or '' when there are none. */
  format(): string {
    if (this.#lines.length === 0) return '';
    const n = this.#lines.length;
    return `; stderr (last ${n === 1 ? 'line' : `${n} lines`}):\n${this.#lines.map((l) => `  ${l}`).join('\n')}`;
  }
}
