import type { ATPEvent, EventType, JobInfo } from '@atp/kernel';
import { jsonPreview, truncate } from './escape.js';

/** One event as the timeline keeps it: a one-line summary and a cut JSON payload, never the raw object. */
export interface SampledEvent {
  sequence: number;
  type: EventType;
  /** The agent's own timestamp (ISO-8601). */
  timestamp: string;
  /** Milliseconds since the job started, as seen by ATP. */
  offsetMs: number;
  summary: string;
  payload: string;
  payloadTruncated: boolean;
}

/** The events kept for one test against one agent: those of its lowest-numbered run. */
export interface EventSample {
  run: number;
  events: SampledEvent[];
  /** Events that run emitted in all (kept or not). */
  total: number;
}

/** Limits of the sampler. */
export interface EventSamplerOptions {
  /** Events kept per test and agent (0 keeps none). */
  maxEvents: number;
  /** Longest payload JSON kept per event. */
  maxPayloadChars: number;
  /** Clock in milliseconds (tests pin it). */
  now?: () => number;
}

const SUMMARY_LIMIT = 200;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** A one-line description of an event from the conventional payload of its type (§1.6). */
export function summarizeEvent(event: Pick<ATPEvent, 'event_type' | 'payload'>): string {
  const p = event.payload;
  let summary: string | undefined;
  switch (event.event_type) {
    case 'tool_call': {
      const tool = text(p['tool']) ?? 'tool';
      const status = text(p['status']);
      const duration = typeof p['duration_ms'] === 'number' ? `${p['duration_ms']} ms` : undefined;
      summary = [tool, status, duration].filter(Boolean).join(' · ');
      break;
    }
    case 'llm_request': {
      const tokens = [p['input_tokens'], p['output_tokens']].every((t) => typeof t === 'number') ? `${String(p['input_tokens'])} → ${String(p['output_tokens'])} tokens` : undefined;
      summary = [text(p['model']) ?? 'model', tokens].filter(Boolean).join(' · ');
      break;
    }
    case 'reasoning':
      summary = text(p['thought']) ?? text(p['plan']) ?? text(p['step']);
      break;
    case 'error':
      summary = [text(p['error_type']), text(p['message'])].filter(Boolean).join(': ');
      break;
    case 'progress': {
      const pct = typeof p['percentage'] === 'number' ? `${p['percentage']}%` : undefined;
      const step = typeof p['current_step'] === 'number' ? `step ${p['current_step']}` : undefined;
      summary = [text(p['message']), step, pct].filter(Boolean).join(' · ');
      break;
    }
  }
  return truncate((summary || event.event_type).replace(/\s+/g, ' '), SUMMARY_LIMIT);
}

interface Slot extends EventSample {
  startedAt: number | undefined;
}

/**
 * Keeps a bounded sample of the event stream for the timeline: per test and agent, the first
 * `maxEvents` events of the lowest-numbered run seen (run 1 unless `--resume` skipped it). Memory
 * is bounded by tests × agents × maxEvents × maxPayloadChars, whatever the agents stream.
 */
export class EventSampler {
  readonly #slots = new Map<string, Slot>();
  readonly #options: Required<EventSamplerOptions>;

  constructor(options: EventSamplerOptions) {
    this.#options = { now: Date.now, ...options };
  }

  /** Note that a job started (its start is the timeline's origin). */
  jobStarted(info: Pick<JobInfo, 'job'>): void {
    const slot = this.#slotFor(info.job.testId, info.job.agent, info.job.run);
    if (slot && slot.startedAt === undefined) slot.startedAt = this.#options.now();
  }

  /** Record one event of a job (kept only when it belongs to the sampled run and there is room). */
  record(event: ATPEvent, info: Pick<JobInfo, 'job'>): void {
    if (this.#options.maxEvents === 0) return;
    const slot = this.#slotFor(info.job.testId, info.job.agent, info.job.run);
    if (!slot) return;
    const now = this.#options.now();
    slot.startedAt ??= now;
    slot.total += 1;
    if (slot.events.length >= this.#options.maxEvents) return;
    const payload = jsonPreview(event.payload, this.#options.maxPayloadChars);
    slot.events.push({
      sequence: event.sequence,
      type: event.event_type,
      timestamp: event.timestamp,
      offsetMs: now - slot.startedAt,
      summary: summarizeEvent(event),
      payload: payload.text,
      payloadTruncated: payload.truncated,
    });
  }

  /** The sample of a test against an agent, if any of its runs emitted or started. */
  get(testId: string, agent: string): EventSample | undefined {
    const slot = this.#slots.get(key(testId, agent));
    return slot ? { run: slot.run, events: slot.events, total: slot.total } : undefined;
  }

  /** The slot for this job's run, replacing a later run's sample when an earlier run shows up; undefined for other runs. */
  #slotFor(testId: string, agent: string, run: number): Slot | undefined {
    if (this.#options.maxEvents === 0) return undefined;
    const k = key(testId, agent);
    const slot = this.#slots.get(k);
    if (slot && slot.run === run) return slot;
    if (slot && slot.run < run) return undefined;
    const fresh: Slot = { run, events: [], total: 0, startedAt: undefined };
    this.#slots.set(k, fresh);
    return fresh;
  }
}

const key = (testId: string, agent: string): string => JSON.stringify([testId, agent]);
