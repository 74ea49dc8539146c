import type { ModelTurn } from './agent-loop.js';

/** Time to the first streamed content of one model call: start it just before the request, `mark()` on content. */
export class FirstTokenTimer {
  readonly #started = performance.now();
  #firstTokenMs: number | undefined;

  /** Content arrived: the first call fixes the time, later ones change nothing. */
  mark(): void {
    this.#firstTokenMs ??= performance.now() - this.#started;
  }

  /** The turn with `firstTokenMs` when content arrived before the answer ended. */
  stamp(turn: ModelTurn): ModelTurn {
    return { ...turn, ...(this.#firstTokenMs !== undefined ? { firstTokenMs: this.#firstTokenMs } : {}) };
  }
}
