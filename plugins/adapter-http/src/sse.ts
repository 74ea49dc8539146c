/**
 * An incremental parser for `text/event-stream` (the WHATWG "server-sent events" format):
 * text arrives in arbitrary chunks, frames come out as soon as their blank line is seen.
 */

/** One dispatched server-sent event. */
export interface SseFrame {
  /** The `event:` name, or undefined when the frame had none (the spec's default "message"). */
  event: string | undefined;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen so far in the stream (it persists across frames, as in the spec). */
  id: string | undefined;
}

/** Feed decoded text with `push`, then call `end` once: both return the frames completed. */
export class SseParser {
  #partial = '';
  #started = false;
  // A chunk ended in CR: a LF at the start of the next chunk belongs to the same line break.
  #skipLeadingLf = false;
  #data: string[] = [];
  #event: string | undefined;
  #id: string | undefined;

  /** Parse the next piece of the stream. */
  push(text: string): SseFrame[] {
    const frames: SseFrame[] = [];
    if (text.length === 0) return frames;
    let chunk = text;
    if (!this.#started) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    if (this.#skipLeadingLf && chunk.charCodeAt(0) === 10) start = 1;
    this.#skipLeadingLf = false;
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = this.#partial + chunk.slice(start, i);
      this.#partial = '';
      this.#line(line, frames);
      if (c === 13) {
        if (i + 1 < chunk.length) {
          if (chunk.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#skipLeadingLf = true;
        }
      }
      start = i + 1;
    }
    if (start < chunk.length) this.#partial += chunk.slice(start);
    return frames;
  }

  /**
   * The stream ended. Unlike the spec (which discards an unterminated frame) a last frame without its
   * blank line is still dispatched: agents that end the stream right after their final `data:` line
   * are common, and dropping their response would be a confusing failure.
   */
  end(): SseFrame[] {
    const frames: SseFrame[] = [];
    if (this.#partial !== '') {
      const line = this.#partial;
      this.#partial = '';
      this.#line(line, frames);
    }
    this.#dispatch(frames);
    return frames;
  }

  #line(line: string, frames: SseFrame[]): void {
    if (line === '') {
      this.#dispatch(frames);
      return;
    }
    if (line.charCodeAt(0) === 58 /* ':' comment */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    switch (field) {
      case 'event':
        this.#event = value;
        break;
      case 'data':
        this.#data.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      default:
        // `retry` and unknown fields: nothing to do for a one-shot request.
        break;
    }
  }

  #dispatch(frames: SseFrame[]): void {
    if (this.#data.length > 0) {
      frames.push({ event: this.#event === '' ? undefined : this.#event, data: this.#data.join('\n'), id: this.#id });
    }
    this.#data = [];
    this.#event = undefined;
  }
}
