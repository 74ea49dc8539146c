import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ATPRequest, AdapterInit, Logger } from '@atp/kernel';
import { recordingLogger, sampleRequest } from '@atp/testkit';

/** The fixtures directory (tool scripts resolve against it). */
export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A valid ATP request (task `task-1`). */
export function makeRequest(task: { description?: string; input_data?: Record<string, unknown> } = {}, constraints: Record<string, unknown> = {}): ATPRequest {
  return sampleRequest({ task_id: 'task-1', description: task.description ?? 'What is the weather in Paris?', input_data: task.input_data, constraints });
}

/** Adapter init with the fixtures as the suite directory. */
export function makeInit(logger: Logger = recordingLogger()): AdapterInit {
  return { agent: 'agent', baseDir: FIXTURES, logger };
}
