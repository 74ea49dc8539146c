import {
  ATPRequestSchema,
  isAdapterError,
  parseEvent,
  parseResponse,
  type ATPEvent,
  type ATPRequest,
  type ATPRequestInput,
  type ATPResponse,
  type Adapter,
  type AdapterError,
  type AdapterModule,
} from '@atp/kernel';
import { fail } from './run-cases.js';
import { recordingLogger } from './recording-logger.js';

/** What one adapter call produced: a valid response and its valid events, or the error it threw. */
export type AdapterOutcome =
  | { kind: 'response'; request: ATPRequest; response: ATPResponse; events: ATPEvent[]; logs: string[] }
  | { kind: 'error'; request: ATPRequest; error: AdapterError; events: ATPEvent[]; logs: string[] };

/** How to call the adapter. */
export interface AdapterCallOptions {
  config: Record<string, unknown>;
  request: ATPRequest | ATPRequestInput;
  timeoutMs: number;
  baseDir: string;
}

/** How long an adapter may take to settle after its signal was aborted. */
export const ABORT_GRACE_MS = 2000;

class AbortIgnoredError extends Error {}

/**
 * Create the adapter, send one request and close it, checking the protocol on the way: the response
 * must validate and carry the request's task id; every event must validate, carry the task id, have a
 * strictly increasing sequence and arrive before run() settles; a thrown error must be an AdapterError.
 */
export async function callAdapter(mod: AdapterModule, options: AdapterCallOptions): Promise<AdapterOutcome> {
  const parsedRequest = ATPRequestSchema.safeParse(options.request);
  if (!parsedRequest.success) fail(`the case's request is not a valid ATP request: ${parsedRequest.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  const request = parsedRequest.data;
  const logger = recordingLogger();
  const logs = logger.lines;
  const events: ATPEvent[] = [];
  const problems: string[] = [];
  let settled = false;
  const controller = new AbortController();
  let adapter: Adapter;
  try {
    adapter = await mod.createAdapter(options.config, { agent: 'testkit', baseDir: options.baseDir, logger });
  } catch (error) {
    return fail(`createAdapter() threw: ${error instanceof Error ? error.message : String(error)}`);
  }
  const emit = (raw: ATPEvent): void => {
    const index = events.length;
    if (settled) problems.push(`an event was emitted after run() settled: ${JSON.stringify(raw)}`);
    const parsed = parseEvent(raw);
    if (!parsed.ok) {
      problems.push(`event #${index} is not a valid ATP event: ${parsed.message}`);
      return;
    }
    const event = parsed.value;
    if (event.task_id !== request.task_id) problems.push(`event #${index} has task_id "${event.task_id}" instead of the request's "${request.task_id}"`);
    const previous = events[events.length - 1];
    if (previous && event.sequence <= previous.sequence) problems.push(`event #${index} has sequence ${event.sequence}, not greater than the previous ${previous.sequence}`);
    events.push(event);
  };
  const timer = setTimeout(() => controller.abort(new Error(`the testkit's ${options.timeoutMs} ms timeout`)), options.timeoutMs);
  // An adapter must stop when its signal is aborted; one that ignores it fails instead of hanging the test.
  let deadline: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    deadline = setTimeout(
      () => reject(new AbortIgnoredError(`run() did not settle within ${ABORT_GRACE_MS} ms after its signal was aborted (timeout ${options.timeoutMs} ms)`)),
      options.timeoutMs + ABORT_GRACE_MS,
    );
  });
  let outcome: AdapterOutcome;
  try {
    const raw = await Promise.race([adapter.run(request, { signal: controller.signal, emit, timeoutMs: options.timeoutMs }), hung]);
    settled = true;
    const parsed = parseResponse(raw);
    if (!parsed.ok) return fail(`the response is not a valid ATP response: ${parsed.message}`);
    if (parsed.value.task_id !== request.task_id) problems.push(`the response has task_id "${parsed.value.task_id}" instead of the request's "${request.task_id}"`);
    outcome = { kind: 'response', request, response: parsed.value, events, logs };
  } catch (error) {
    settled = true;
    if (error instanceof AbortIgnoredError) return fail(error.message);
    if (!isAdapterError(error)) {
      return fail(`run() threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}; adapters must throw AdapterError for infrastructure failures (or return a failed response)`);
    }
    outcome = { kind: 'error', request, error, events, logs };
  } finally {
    clearTimeout(timer);
    clearTimeout(deadline);
    try {
      await adapter.close?.();
    } catch (error) {
      problems.push(`close() threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length) fail(`the adapter broke the ATP protocol: ${problems.join('; ')}`);
  return outcome;
}
