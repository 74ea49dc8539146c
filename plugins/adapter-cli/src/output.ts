/** Reading what an agent wrote: events on stderr lines, the final response on stdout. */
import { normalizeEvent, parseResponse } from '@atp/kernel';
import type { ATPEvent, ATPResponse } from '@atp/kernel';

/** Numbers events of one request: missing sequences continue after the highest one seen. */
export class EventSequencer {
  #next = 0;

  /** Apply the §1.6 leniency to one raw event; undefined when it still is not an event. */
  normalize(raw: unknown, taskId: string): ATPEvent | undefined {
    const event = normalizeEvent(raw, { taskId, nextSequence: () => this.#next });
    if (event) this.#next = Math.max(this.#next, event.sequence + 1);
    return event;
  }
}

/** Parse one line as a JSON value when it looks like a JSON object; undefined otherwise. */
export function parseJsonLine(line: string): unknown {
  const text = line.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The outcome of reading an agent's stdout. */
export type StdoutResult = { ok: true; response: ATPResponse } | { ok: false; empty: boolean; message: string };

// A line that can belong to a (pretty-printed) JSON document.
function looksLikeJson(line: string): boolean {
  const t = line.trim();
  return /^[{}[\]"]/.test(t) || /^-?\d/.test(t) || /^(true|false|null)\b/.test(t);
}

function quote(line: string): string {
  const t = line.trim();
  return JSON.stringify(t.length > 120 ? `${t.slice(0, 120)}…` : t);
}

/** Parse an agent's whole stdout as one ATP response, explaining precisely what is wrong otherwise. */
export function parseStdout(text: string): StdoutResult {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, empty: true, message: 'the agent wrote nothing to stdout; it must write one ATP response as JSON' };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    const lines = body.split(/\r?\n/);
    const bad = lines.findIndex((l) => l.trim() !== '' && !looksLikeJson(l));
    if (bad !== -1) {
      return { ok: false, empty: false, message: `agent wrote non-JSON to stdout (line ${bad + 1}: ${quote(lines[bad]!)}); write logs to stderr instead` };
    }
    const filled = lines.filter((l) => l.trim() !== '');
    if (filled.length > 1 && filled.every((l) => parseJsonLine(l) !== undefined)) {
      return {
        ok: false,
        empty: false,
        message: `agent wrote ${filled.length} JSON documents to stdout; it must write exactly one, the ATP response (write events to stderr)`,
      };
    }
    return { ok: false, empty: false, message: `the agent's stdout is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = parseResponse(raw);
  return parsed.ok ? { ok: true, response: parsed.value } : { ok: false, empty: false, message: `invalid ATP response on stdout: ${parsed.message}` };
}
