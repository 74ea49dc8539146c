import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@atp/kernel';
import type { ATPRequest, ATPResponse, AdapterInit } from '@atp/kernel';
import { sampleRequest } from '@atp/testkit';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export const init: AdapterInit = { agent: 'test-agent', baseDir: fixtures, logger: silentLogger };

/** A valid ATP request. */
export function makeRequest(taskId = 't-1', options: { description?: string; input?: Record<string, unknown> } = {}): ATPRequest {
  return sampleRequest({ task_id: taskId, description: options.description ?? 'say hello', input_data: options.input ?? null });
}

/** The data of the response's first structured artifact (what the test agents report). */
export function structuredData<T>(response: ATPResponse): T {
  const artifact = response.artifacts.find((a) => a.type === 'structured');
  if (!artifact || artifact.type !== 'structured') throw new Error('no structured artifact in the response');
  return artifact.data as unknown as T;
}
