import { STYLE_CODES, formatClock, oneLine, type Styles } from './format.js';

/** A job that is running now. */
export interface RunningJob {
  jobId: string;
  /** The test's label (name, plus agent when several). */
  label: string;
}

/** What the live line shows: job counts, the running tests and the clock. */
export interface ProgressState {
  /** Jobs this run will execute. */
  total: number;
  /** Jobs evaluated so far. */
  done: number;
  passed: number;
  failed: number;
  /** Epoch milliseconds when the run started. */
  startedAt: number;
  /** Running jobs, oldest first. */
  running: RunningJob[];
}

/** A piece of the live line with an optional style. */
interface Segment {
  text: string;
  style?: keyof Styles;
}

/** The labels of running jobs, each test once (`name ×3` when several of its runs are in flight). */
export function runningSummary(running: readonly RunningJob[]): string {
  const counts = new Map<string, number>();
  for (const job of running) counts.set(job.label, (counts.get(job.label) ?? 0) + 1);
  return [...counts].map(([label, count]) => (count > 1 ? `${label} ×${count}` : label)).join(', ');
}

/** Estimated time left, from the mean time per finished job; undefined before the first job finishes. */
export function estimateRemainingMs(state: ProgressState, now: number): number | undefined {
  if (state.done === 0) return undefined;
  const remaining = Math.max(0, state.total - state.done);
  return ((now - state.startedAt) / state.done) * remaining;
}

/** Join segments, cut to `width` visible characters (with `…`), then apply styles so codes are never cut. */
function fit(segments: readonly Segment[], width: number, color: boolean): string {
  let room = Math.max(1, width);
  let out = '';
  for (const segment of segments) {
    if (room <= 0) break;
    let text = segment.text;
    if (text.length > room) text = room > 1 ? `${text.slice(0, room - 1)}…` : '…';
    room -= text.length;
    if (color && segment.style) {
      const [open, close] = STYLE_CODES[segment.style];
      out += `\u001b[${open}m${text}\u001b[${close}m`;
    } else {
      out += text;
    }
  }
  return out;
}

/** The live progress line: `3/10 jobs · 2 passed · 1 failed · 0:07 elapsed · ETA 0:16 · running: A, B`. */
export function renderProgressLine(state: ProgressState, now: number, options: { color: boolean; width: number }): string {
  const separator: Segment = { text: ' · ', style: 'dim' };
  const segments: Segment[] = [
    { text: `${state.done}/${state.total} jobs`, style: 'bold' },
    separator,
    { text: `${state.passed} passed`, ...(state.passed > 0 ? { style: 'green' as const } : {}) },
    separator,
    { text: `${state.failed} failed`, ...(state.failed > 0 ? { style: 'red' as const } : {}) },
    separator,
    { text: `${formatClock(now - state.startedAt)} elapsed` },
  ];
  if (state.done < state.total) {
    const eta = estimateRemainingMs(state, now);
    segments.push(separator, { text: `ETA ${eta === undefined ? '–' : formatClock(eta)}` });
  }
  if (state.running.length > 0) {
    segments.push(separator, { text: `running: ${oneLine(runningSummary(state.running))}`, style: 'cyan' });
  }
  return fit(segments, options.width, options.color);
}
