/** Keeps the last `limit` bytes written to it (test runners print their summary at the end). */
export class TailBuffer {
  readonly #limit: number;
  #chunks: Buffer[] = [];
  #size = 0;
  /** Bytes received in total, kept or not. */
  total = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    while (this.#size - (this.#chunks[0]?.length ?? 0) >= this.#limit && this.#chunks.length > 1) {
      this.#size -= this.#chunks.shift()!.length;
    }
  }

  /** Whether bytes were dropped. */
  get truncated(): boolean {
    return this.total > this.#limit;
  }

  /** The kept text (the last `limit` bytes, cut at a character boundary). */
  text(): string {
    const all = Buffer.concat(this.#chunks);
    const kept = all.length > this.#limit ? all.subarray(all.length - this.#limit) : all;
    // Drop UTF-8 continuation bytes left over from a cut character.
    let start = 0;
    while (all.length > this.#limit && start < kept.length && start < 4 && (kept[start]! & 0xc0) === 0x80) start++;
    return kept.subarray(start).toString('utf8');
  }
}
