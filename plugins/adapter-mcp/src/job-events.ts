/** The ATP events of one request: tool calls, MCP progress and log notifications. */
import type { ATPEvent, AdapterCallContext, EventType } from '@atp/kernel';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import type { LogMessage } from './connection.js';

/** Emits one request's events with its own sequence numbers (from 0). */
export class JobEvents {
  #sequence = 0;
  #calls = 0;

  constructor(
    readonly taskId: string,
    private readonly context: Pick<AdapterCallContext, 'emit'>,
  ) {}

  /** Emit one event now. */
  emit(eventType: EventType, payload: Record<string, unknown>): void {
    const event: ATPEvent = { version: '1.0', task_id: this.taskId, timestamp: new Date().toISOString(), sequence: this.#sequence++, event_type: eventType, payload };
    this.context.emit(event);
  }

  /** A `tool_call` event with status `started`; returns the call id that pairs it with its end. */
  toolStarted(tool: string, input: Record<string, unknown>): string {
    const callId = `${this.taskId}-${++this.#calls}`;
    this.emit('tool_call', { tool, input, status: 'started', call_id: callId });
    return callId;
  }

  /** The `tool_call` event that ends a call (`success`, or `error` for isError and failed calls). */
  toolEnded(callId: string, tool: string, input: Record<string, unknown>, status: 'success' | 'error', output: Record<string, unknown>, durationMs: number): void {
    this.emit('tool_call', { tool, input, output, status, duration_ms: Math.round(durationMs * 1000) / 1000, call_id: callId });
  }

  /** An MCP `notifications/progress` as an ATP `progress` event. */
  progress(progress: Progress, source: string): void {
    const payload: Record<string, unknown> = { progress: progress.progress, source };
    if (Number.isInteger(progress.progress) && progress.progress >= 0) payload['current_step'] = progress.progress;
    if (typeof progress.total === 'number' && progress.total > 0) {
      payload['total'] = progress.total;
      payload['percentage'] = Math.min(100, Math.max(0, Math.round((progress.progress / progress.total) * 10000) / 100));
    }
    if (typeof progress.message === 'string') payload['message'] = progress.message;
    this.emit('progress', payload);
  }

  /** An MCP `notifications/message` (server log) as an ATP `progress` event. */
  log(message: LogMessage): void {
    const text = typeof message.data === 'string' ? message.data : JSON.stringify(message.data);
    this.emit('progress', {
      message: `[${message.level}]${message.logger ? ` ${message.logger}:` : ''} ${text}`,
      level: message.level,
      ...(message.logger ? { logger: message.logger } : {}),
      data: message.data ?? null,
      source: 'log',
    });
  }
}
