/** The tails of an agent's output kept for error messages (line splitting is @atp/subprocess's LineSplitter). */

function clip(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/**
 * The last lines an agent wrote to one stream, kept short for error messages. Lines are numbered as
 * they come, so that a request can ask what arrived after it was sent.
 */
export class LineTail {
  readonly #max: number;
  readonly #maxChars: number;
  #lines: Array<{ n: number; text: string }> = [];
  #count = 0;

  constructor(max = 10, maxChars = 300) {
    this.#max = max;
    this.#maxChars = maxChars;
  }

  push(line: string): void {
    const text = line.trimEnd();
    if (text.trim() === '') return;
    this.#lines.push({ n: ++this.#count, text: clip(text, this.#maxChars) });
    if (this.#lines.length > this.#max) this.#lines.shift();
  }

  get lines(): readonly string[] {
    return this.#lines.map((l) => l.text);
  }

  /** Lines pushed so far (a mark for {@link LineTail.since}). */
  get count(): number {
    return this.#count;
  }

  /** How many lines came after `mark`, and the last of them still kept. */
  since(mark: number): { count: number; lines: string[] } {
    return { count: this.#count - mark, lines: this.#lines.filter((l) => l.n > mark).map((l) => l.text) };
  }

  /** `; <label> (last N lines):` followed by the indented lines, or '' when there are none. */
  format(label = 'stderr'): string {
    return formatTails([{ label, tail: this }]);
  }
}

/** Several tails, each introduced by its label (`; stderr (last 2 lines):` …), the empty ones left out. */
export function formatTails(tails: ReadonlyArray<{ label: string; tail: LineTail }>): string {
  return tails
    .filter((t) => t.tail.lines.length > 0)
    .map(({ label, tail }, i) => {
      const n = tail.lines.length;
      return `${i === 0 ? '; ' : '\n'}${label} (last ${n === 1 ? 'line' : `${n} lines`}):\n${tail.lines.map((l) => `  ${l}`).join('\n')}`;
    })
    .join('');
}
