import { AdapterError, type ATPEvent, type ATPRequest, type ATPResponse, type Adapter, type AdapterCallContext, type AdapterInit, type EventType } from '@atp/kernel';
import { EchoConfigSchema, type EchoConfig } from './config.js';

/** The text the echo agent answers with: `task.input_data.text` when it is a string, else the task description. */
export function echoText(request: ATPRequest): string {
  const text = request.task.input_data?.['text'];
  return typeof text === 'string' ? text : request.task.description;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * An adapter speaks to one agent. This one is its own agent: it reports a progress event and a tool call
 * as it works, then answers with a file artifact `echo.txt`. Real adapters turn the request into an HTTP
 * call, a subprocess or an SDK call in the same place, and throw AdapterError when the agent cannot be reached.
 */
export function createAdapter(config: Partial<EchoConfig>, init: AdapterInit): Adapter {
  const { prefix, delay_ms, max_length } = EchoConfigSchema.parse(config);
  return {
    async run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
      const started = performance.now();
      let sequence = 0;
      const emit = (event_type: EventType, payload: Record<string, unknown>): void => {
        const event: ATPEvent = { version: '1.0', task_id: request.task_id, timestamp: new Date().toISOString(), sequence: sequence++, event_type, payload };
        context.emit(event);
      };
      const text = echoText(request);
      if (text.length > max_length) {
        throw new AdapterError('response', `echo: the task text has ${text.length} characters, more than max_length (${max_length})`, { retryable: false });
      }
      emit('progress', { current_step: 1, message: `echoing for agent ${init.agent}` });
      if (delay_ms > 0) {
        try {
          await wait(delay_ms, context.signal);
        } catch (cause) {
          throw new AdapterError('timeout', `echo: cancelled while waiting ${delay_ms} ms`, { retryable: false, cause });
        }
      }
      const output = `${prefix}${text}`;
      emit('tool_call', { tool: 'echo', input: { text }, output, status: 'success', duration_ms: Math.round(performance.now() - started) });
      return {
        version: '1.0',
        task_id: request.task_id,
        status: 'completed',
        artifacts: [{ type: 'file', path: 'echo.txt', content_type: 'text/plain', content: output, size_bytes: Buffer.byteLength(output) }],
        metrics: { total_steps: 1, tool_calls: 1, wall_time_seconds: (performance.now() - started) / 1000 },
        error: null,
        trace_id: null,
      };
    },
  };
}
