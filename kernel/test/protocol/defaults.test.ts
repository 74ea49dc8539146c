import { describe, expect, it } from 'vitest';
import {
  ATPEventSchema,
  ATPRequestSchema,
  ATPResponseSchema,
  ArtifactSchema,
  EVENT_TYPES,
  EventTypeSchema,
  MAX_ARTIFACTS_COUNT,
  MAX_CONTENT_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_ENV_VARS_COUNT,
  MAX_ERROR_LENGTH,
  MAX_METADATA_KEYS,
  MAX_PATH_LENGTH,
  MAX_TASK_ID_LENGTH,
  MetricsSchema,
  PROTOCOL_VERSION,
  RESPONSE_STATUSES,
  ResponseStatusSchema,
  SUPPORTED_VERSIONS,
  isSupportedVersion,
  parseResponse,
} from '../../src/protocol/index.js';
import type {
  ATPEventInput,
  ATPRequest,
  ATPRequestInput,
  ATPResponseInput,
  Artifact,
} from '../../src/protocol/index.js';

describe('limits and versions', () => {
  it('exposes the §1.3 limits', () => {
    expect(PROTOCOL_VERSION).toBe('1.0');
    expect(SUPPORTED_VERSIONS).toEqual(['1.0']);
    expect(isSupportedVersion('1.0')).toBe(true);
    expect(isSupportedVersion('2.0')).toBe(false);
    expect(isSupportedVersion(1)).toBe(false);
    expect([MAX_TASK_ID_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_PATH_LENGTH, MAX_ERROR_LENGTH]).toEqual([
      128, 100_000, 4096, 10_000,
    ]);
    expect([MAX_CONTENT_LENGTH, MAX_ARTIFACTS_COUNT, MAX_ENV_VARS_COUNT, MAX_METADATA_KEYS]).toEqual([
      10_000_000, 1000, 100, 50,
    ]);
  });

  it('exposes the enums', () => {
    expect(RESPONSE_STATUSES).toEqual(['completed', 'failed', 'timeout', 'cancelled', 'partial']);
    expect(EVENT_TYPES).toEqual(['tool_call', 'llm_request', 'reasoning', 'error', 'progress']);
    expect(ResponseStatusSchema.options).toEqual([...RESPONSE_STATUSES]);
    expect(EventTypeSchema.options).toEqual([...EVENT_TYPES]);
  });
});

describe('request defaults and normalisation', () => {
  it('applies defaults', () => {
    const input: ATPRequestInput = { task_id: 'a', task: { description: 'x' } };
    const parsed: ATPRequest = ATPRequestSchema.parse(input);
    expect(parsed).toEqual({
      version: '1.0',
      task_id: 'a',
      task: { description: 'x', input_data: null, expected_artifacts: null },
      constraints: {},
      context: null,
      metadata: null,
    });
  });

  it('does not share the default constraints object between parses', () => {
    const a = ATPRequestSchema.parse({ task_id: 'a', task: { description: 'x' } });
    a.constraints['max_steps'] = 3;
    expect(ATPRequestSchema.parse({ task_id: 'a', task: { description: 'x' } }).constraints).toEqual({});
  });

  it('trims task_id and expected artifacts; "" endpoints and workspaces become null', () => {
    const parsed = ATPRequestSchema.parse({
      task_id: '  run-1 ',
      task: { description: 'x', expected_artifacts: [' out.md ', 'a/b.txt'] },
      context: { tools_endpoint: '  ', workspace_path: '', environment: { A: '1' } },
    });
    expect(parsed.task_id).toBe('run-1');
    expect(parsed.task.expected_artifacts).toEqual(['out.md', 'a/b.txt']);
    expect(parsed.context).toEqual({ tools_endpoint: null, workspace_path: null, environment: { A: '1' } });
    const ctx = ATPRequestSchema.parse({
      task_id: 'a',
      task: { description: 'x' },
      context: { tools_endpoint: ' https://t.example/api ', workspace_path: ' /ws ' },
    }).context;
    expect(ctx).toEqual({ tools_endpoint: 'https://t.example/api', workspace_path: '/ws', environment: null });
  });

  it('strips unknown keys', () => {
    const parsed = ATPRequestSchema.parse({ task_id: 'a', task: { description: 'x', fixture: 'f' }, extra: true });
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed.task).not.toHaveProperty('fixture');
  });
});

describe('response defaults and normalisation', () => {
  it('applies defaults', () => {
    const input: ATPResponseInput = { task_id: 't', status: 'failed' };
    expect(ATPResponseSchema.parse(input)).toEqual({
      version: '1.0',
      task_id: 't',
      status: 'failed',
      artifacts: [],
      metrics: null,
      error: null,
      trace_id: null,
    });
  });

  it('defaults the artifact type to file and trims paths and names', () => {
    const parsed = ATPResponseSchema.parse({
      task_id: ' t ',
      status: 'completed',
      artifacts: [
        { path: ' out.txt ' },
        { type: 'structured', name: ' stats ', data: { n: 1 } },
        { type: 'reference', path: ' /abs/x ' },
      ],
    });
    expect(parsed.task_id).toBe('t');
    const [file, structured, reference] = parsed.artifacts as [Artifact, Artifact, Artifact];
    expect(file).toEqual({ type: 'file', path: 'out.txt' });
    expect(structured).toEqual({ type: 'structured', name: 'stats', data: { n: 1 } });
    expect(reference).toEqual({ type: 'reference', path: '/abs/x' });
    expect(ArtifactSchema.parse({ path: 'x' }).type).toBe('file');
  });

  it('narrows artifacts on type', () => {
    const artifact = ArtifactSchema.parse({ type: 'structured', name: 'n', data: {} });
    if (artifact.type === 'structured') expect(artifact.name).toBe('n');
    else expect.unreachable();
  });

  it('accepts null and omitted metrics fields', () => {
    expect(MetricsSchema.parse({})).toEqual({});
    expect(MetricsSchema.parse({ total_tokens: null, cost_usd: 0.5 })).toEqual({ total_tokens: null, cost_usd: 0.5 });
  });

  it('limits inline content to 10 000 000 characters', () => {
    const ok = parseResponse({
      task_id: 't',
      status: 'completed',
      artifacts: [{ path: 'big.txt', content: 'x'.repeat(MAX_CONTENT_LENGTH) }],
    });
    expect(ok.ok).toBe(true);
    const tooBig = parseResponse({
      task_id: 't',
      status: 'completed',
      artifacts: [{ path: 'big.txt', content: 'x'.repeat(MAX_CONTENT_LENGTH + 1) }],
    });
    expect(tooBig).toMatchObject({
      ok: false,
      message: expect.stringContaining('artifacts[0].content: content must be at most 10000000 characters'),
    });
  });
});

describe('event defaults', () => {
  it('defaults version and timestamp', () => {
    const input: ATPEventInput = { task_id: 't', sequence: 0, event_type: 'progress', payload: {} };
    const parsed = ATPEventSchema.parse(input);
    expect(parsed.version).toBe('1.0');
    expect(Number.isNaN(Date.parse(parsed.timestamp))).toBe(false);
    expect(parsed.timestamp.endsWith('Z')).toBe(true);
  });

  it('keeps a given timestamp as written', () => {
    const parsed = ATPEventSchema.parse({
      task_id: 't',
      sequence: 1,
      event_type: 'error',
      payload: {},
      timestamp: '2026-01-05T09:00:00+02:00',
    });
    expect(parsed.timestamp).toBe('2026-01-05T09:00:00+02:00');
  });
});
