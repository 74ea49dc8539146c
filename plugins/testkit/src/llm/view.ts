import type { RecordedRequest } from './types.js';

/** The provider-neutral view of a request body that recordings and scripts use. */
export type RequestView = Pick<RecordedRequest, 'model' | 'stream' | 'system' | 'tools' | 'lastUserText' | 'toolResults' | 'promptText'>;

/** The view of a body that could not be read. */
export const EMPTY_VIEW: RequestView = { stream: false, system: '', tools: [], lastUserText: '', toolResults: [], promptText: '' };

/** A request the real API would reject: the message and the offending parameter. */
export interface InvalidRequest {
  message: string;
  param?: string;
}

/** The result of reading a request body. */
export type ReadResult = { ok: true; view: RequestView } | { ok: false; view: RequestView; invalid: InvalidRequest };

/** True for plain objects. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a message content: a string, or the `text` of its text parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isObject(part) && part['type'] === 'text' && typeof part['text'] === 'string' ? part['text'] : ''))
    .filter((t) => t !== '')
    .join('\n');
}
