import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ATPResponseInput, EvaluatorOutput } from '@atp/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator } from '../src/artifact-evaluator.js';
import { sampleEvaluationInput, type SampleEvaluationInputOptions } from '@atp/testkit';

const evaluator = createEvaluator();

function evaluate(type: string, config: Record<string, unknown>, response: Partial<ATPResponseInput> = {}, extra: Partial<SampleEvaluationInputOptions> = {}): Promise<EvaluatorOutput> {
  return Promise.resolve(evaluator.evaluate(sampleEvaluationInput({ type, config, response, ...extra })));
}

const demoArtifacts: ATPResponseInput['artifacts'] = [
  { type: 'file', path: 'hello.txt', content: 'Hello, ATP!', content_type: 'text/plain' },
  { type: 'structured', name: 'stats', data: { count: 3, items: [{ id: 'a', tags: ['x'] }], 'content-type': 'json' } },
  { type: 'reference', path: 'https://example.com/big.bin' },
];

describe('artifact_exists', () => {
  it('passes for a file path (demo-001: hello.txt)', async () => {
    expect(await evaluate('artifact_exists', { path: 'hello.txt' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'artifact_exists', passed: true, score: 1, message: 'artifact "hello.txt" exists (file)' }],
    });
  });

  it('passes for a structured artifact name', async () => {
    expect(await evaluate('artifact_exists', { path: 'stats' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'artifact_exists', passed: true, score: 1, message: 'artifact "stats" exists (structured)' }],
    });
  });

  it('fails listing the available artifacts', async () => {
    expect(await evaluate('artifact_exists', { path: 'report.md' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'artifact_exists',
          passed: false,
          score: 0,
          message: 'artifact "report.md" not found; available: hello.txt, stats, https://example.com/big.bin',
          details: { available: ['hello.txt', 'stats', 'https://example.com/big.bin'] },
        },
      ],
    });
  });

  it('says when the response has no artifacts', async () => {
    expect(await evaluate('artifact_exists', { path: 'report.md' })).toEqual({
      checks: [
        { name: 'artifact_exists', passed: false, score: 0, message: 'artifact "report.md" not found; the response has no artifacts', details: { available: [] } },
      ],
    });
  });

  describe('workspace fallback', () => {
    let workspace = '';
    beforeAll(async () => {
      workspace = await mkdtemp(join(tmpdir(), 'atp-artifact-'));
      await mkdir(join(workspace, 'out'));
      await writeFile(join(workspace, 'out', 'report.md'), '# Report\n');
    });
    afterAll(() => rm(workspace, { recursive: true, force: true }));

    it('finds a file written to the sandbox workspace', async () => {
      expect(await evaluate('artifact_exists', { path: 'out/report.md' }, {}, { workspace })).toEqual({
        checks: [{ name: 'artifact_exists', passed: true, score: 1, message: '"out/report.md" exists in the workspace (not among the response\'s artifacts)' }],
      });
    });

    it('never looks outside the workspace', async () => {
      const out = await evaluate('artifact_exists', { path: '../' + workspace.split('/').pop() + '/out/report.md' }, {}, { workspace });
      expect(out.checks[0]?.passed).toBe(false);
    });
  });
});

describe('contains', () => {
  it('finds the demo-001 text, with an excerpt as evidence', async () => {
    expect(await evaluate('contains', { pattern: 'Hello, ATP!' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'contains',
          passed: true,
          score: 1,
          message: 'found "Hello, ATP!" in hello.txt',
          evidence: 'hello.txt: Hello, ATP!',
          details: { artifact: 'hello.txt', index: 0 },
        },
      ],
    });
  });

  it('searches structured data as JSON text', async () => {
    expect(await evaluate('contains', { pattern: '"count":3' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'contains',
          passed: true,
          score: 1,
          message: 'found "\\"count\\":3" in stats',
          evidence: 'stats: {"count":3,"items":[{"id":"a","tags":["x"]}],"cont…',
          details: { artifact: 'stats', index: 1 },
        },
      ],
    });
  });

  it('is case sensitive by default and can ignore case', async () => {
    expect(await evaluate('contains', { pattern: 'hello, atp' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'contains', passed: false, score: 0, message: '"hello, atp" not found in hello.txt, stats' }],
    });
    expect(await evaluate('contains', { pattern: 'hello, atp', case_sensitive: false }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'contains',
          passed: true,
          score: 1,
          message: 'found "hello, atp" (ignoring case) in hello.txt',
          evidence: 'hello.txt: Hello, ATP!',
          details: { artifact: 'hello.txt', index: 0 },
        },
      ],
    });
  });

  it('targets one artifact with path', async () => {
    expect(await evaluate('contains', { pattern: 'Hello', path: 'stats' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'contains', passed: false, score: 0, message: '"Hello" not found in stats' }],
    });
    expect(await evaluate('contains', { pattern: 'Hello', path: 'report.md' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        { name: 'contains', passed: false, score: 0, message: 'artifact "report.md" not found; available: hello.txt, stats, https://example.com/big.bin' },
      ],
    });
    expect(await evaluate('contains', { pattern: 'x', path: 'https://example.com/big.bin' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        { name: 'contains', passed: false, score: 0, message: 'artifact "https://example.com/big.bin" is a reference; its content is not available' },
      ],
    });
  });

  it('fails when no artifact has text', async () => {
    expect(await evaluate('contains', { pattern: 'x' }, { artifacts: [{ path: 'empty.txt' }] })).toEqual({
      checks: [{ name: 'contains', passed: false, score: 0, message: 'no artifact has text content; available: empty.txt' }],
    });
  });

  it('matches a regular expression with regex: true', async () => {
    expect(await evaluate('contains', { pattern: 'hello,\\s+\\w+', regex: true, case_sensitive: false }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'contains',
          passed: true,
          score: 1,
          message: '/hello,\\s+\\w+/i matched "Hello, ATP" in hello.txt',
          evidence: 'hello.txt: Hello, ATP!',
          details: { artifact: 'hello.txt', index: 0, match: 'Hello, ATP' },
        },
      ],
    });
  });

  it('fails with the regex error when an invalid pattern reaches it', async () => {
    // The config schema rejects this at compile time; an SDK caller could still pass it raw.
    expect(await evaluate('contains', { pattern: '(', regex: true }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        { name: 'contains', passed: false, score: 0, message: 'invalid contains config: pattern: invalid regular expression /(/: Unterminated group' },
      ],
    });
  });

  it('shows the excerpt around a match deep in a long text', async () => {
    const content = `${'a'.repeat(100)}\nNEEDLE\n${'b'.repeat(100)}`;
    const out = await evaluate('contains', { pattern: 'NEEDLE' }, { artifacts: [{ path: 'long.txt', content }] });
    expect(out.checks[0]?.evidence).toBe(`long.txt: …${'a'.repeat(39)}\\nNEEDLE\\n${'b'.repeat(39)}…`);
  });
});

describe('regex', () => {
  it('matches with flags and reports the match', async () => {
    const artifacts = [{ path: 'notes.md', content: 'line one\nTotal: 12 apples\n' }];
    expect(await evaluate('regex', { pattern: '^total: (\\d+) apples$', flags: 'im' }, { artifacts })).toEqual({
      checks: [
        {
          name: 'regex',
          passed: true,
          score: 1,
          message: '/^total: (\\d+) apples$/im matched "Total: 12 apples" in notes.md',
          evidence: 'notes.md: line one\\nTotal: 12 apples\\n',
          details: { artifact: 'notes.md', index: 9, match: 'Total: 12 apples' },
        },
      ],
    });
  });

  it('fails naming the searched artifacts', async () => {
    expect(await evaluate('regex', { pattern: '\\d{4}' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'regex', passed: false, score: 0, message: '/\\d{4}/ did not match hello.txt, stats' }],
    });
  });

  it('does not carry lastIndex across artifacts with the g flag', async () => {
    const artifacts = [
      { path: 'a.txt', content: 'xxxxxxxxxx no digits' },
      { path: 'b.txt', content: '7' },
    ];
    expect((await evaluate('regex', { pattern: '\\d', flags: 'g' }, { artifacts })).checks[0]).toMatchObject({ passed: true, details: { artifact: 'b.txt' } });
  });
});

describe('schema', () => {
  const schema = {
    type: 'object',
    required: ['count', 'items'],
    properties: {
      count: { type: 'integer' },
      items: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } },
    },
  };

  it('validates the first structured artifact', async () => {
    expect(await evaluate('schema', { schema }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'schema', passed: true, score: 1, message: '"stats" matches the schema' }],
    });
  });

  it('lists every error with its instance path', async () => {
    const artifacts = [{ type: 'structured' as const, name: 'stats', data: { count: 2.5, items: [{ name: 'no id' }] } }];
    expect(await evaluate('schema', { schema, path: 'stats' }, { artifacts })).toEqual({
      checks: [
        {
          name: 'schema',
          passed: false,
          score: 0,
          message: '"stats" does not match the schema (2 errors): /count must be integer; /items/0 must have required property \'id\'',
          details: {
            artifact: 'stats',
            errors: [
              { instancePath: '/count', keyword: 'type', message: 'must be integer' },
              { instancePath: '/items/0', keyword: 'required', message: "must have required property 'id'" },
            ],
          },
        },
      ],
    });
  });

  it('reports root errors at / and names additional properties', async () => {
    const artifacts = [{ type: 'structured' as const, name: 'cfg', data: { a: 1, extra: true } }];
    const strict = { type: 'object', required: ['b'], additionalProperties: false, properties: { a: {}, b: {} } };
    expect((await evaluate('schema', { schema: strict }, { artifacts })).checks[0]?.message).toBe(
      '"cfg" does not match the schema (2 errors): / must have required property \'b\'; / must NOT have additional properties: "extra"',
    );
  });

  it('validates a file artifact whose content is JSON (fenced or not)', async () => {
    const artifacts = [
      { path: 'notes.txt', content: 'not json' },
      { path: 'out.json', content: '```json\n{"count": 1, "items": []}\n```' },
    ];
    expect(await evaluate('schema', { schema }, { artifacts })).toEqual({
      checks: [{ name: 'schema', passed: true, score: 1, message: '"out.json" matches the schema' }],
    });
  });

  it('fails on a named file that is not JSON', async () => {
    expect(await evaluate('schema', { schema, path: 'hello.txt' }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        {
          name: 'schema',
          passed: false,
          score: 0,
          message: expect.stringMatching(/^artifact "hello\.txt" is not valid JSON: Unexpected token/),
        },
      ],
    });
  });

  it('fails when there is nothing to validate', async () => {
    expect(await evaluate('schema', { schema }, { artifacts: [{ path: 'a.txt', content: 'hi' }] })).toEqual({
      checks: [{ name: 'schema', passed: false, score: 0, message: 'no structured artifact and no file artifact with JSON content; available: a.txt' }],
    });
  });

  it('supports draft 2020-12 (prefixItems)', async () => {
    const tuple = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }], items: false };
    const ok = [{ path: 'pair.json', content: '["a", 1]' }];
    const bad = [{ path: 'pair.json', content: '["a", "b", 3]' }];
    expect((await evaluate('schema', { schema: tuple }, { artifacts: ok })).checks[0]?.passed).toBe(true);
    expect((await evaluate('schema', { schema: tuple }, { artifacts: bad })).checks[0]).toEqual({
      name: 'schema',
      passed: false,
      score: 0,
      message: '"pair.json" does not match the schema (2 errors): /1 must be number; / must NOT have more than 2 items',
      details: {
        artifact: 'pair.json',
        errors: [
          { instancePath: '/1', keyword: 'type', message: 'must be number' },
          { instancePath: '/', keyword: 'items', message: 'must NOT have more than 2 items' },
        ],
      },
    });
  });

  it('fails with the located ajv message for a schema that does not compile (an SDK caller skipping the compiler)', async () => {
    expect(await evaluate('schema', { schema: { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } } }, { artifacts: demoArtifacts })).toEqual({
      checks: [
        { name: 'schema', passed: false, score: 0, message: 'invalid schema config: schema.properties.a.$ref: invalid JSON Schema: can\'t resolve reference #/definitions/missing' },
      ],
    });
  });

  it('with strict: false, ignores unknown keywords when validating', async () => {
    const result = await evaluate('schema', { schema: { type: 'object', requird: ['nope'], properties: { count: { type: 'integer' } } }, strict: false }, { artifacts: demoArtifacts });
    expect(result.checks[0]).toMatchObject({ name: 'schema', passed: true });
  });
});

describe('json_path', () => {
  it('checks equality deeply', async () => {
    expect(await evaluate('json_path', { json_path: '$.items[0]', equals: { tags: ['x'], id: 'a' } }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: true, score: 1, message: '$.items[0] in "stats" equals {"tags":["x"],"id":"a"}' }],
    });
    expect(await evaluate('json_path', { json_path: '$.count', equals: 4 }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: false, score: 0, message: '$.count in "stats" is 3, expected 4', evidence: '3' }],
    });
  });

  it('reads quoted keys and says where a path stops', async () => {
    expect(await evaluate('json_path', { json_path: '$["content-type"]', equals: 'json' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: true, score: 1, message: '$.content-type in "stats" equals "json"' }],
    });
    expect(await evaluate('json_path', { json_path: '$.items[3].id', exists: true }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: false, score: 0, message: '$.items[3].id in "stats" not found ($.items[3] does not exist)' }],
    });
  });

  it('checks existence (also the default) and absence', async () => {
    expect(await evaluate('json_path', { json_path: '$.items' }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: true, score: 1, message: '$.items in "stats" exists ([{"id":"a","tags":["x"]}])' }],
    });
    expect(await evaluate('json_path', { json_path: '$.error', absent: true }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: true, score: 1, message: '$.error in "stats" is absent' }],
    });
    expect(await evaluate('json_path', { json_path: '$.count', absent: true }, { artifacts: demoArtifacts })).toEqual({
      checks: [{ name: 'json_path', passed: false, score: 0, message: '$.count in "stats" is present (3), expected it to be absent', evidence: '3' }],
    });
  });

  it('compares null with equals: null', async () => {
    const artifacts = [{ path: 'r.json', content: '{"deadline": null}' }];
    expect((await evaluate('json_path', { json_path: '$.deadline', equals: null }, { artifacts })).checks[0]).toEqual({
      name: 'json_path',
      passed: true,
      score: 1,
      message: '$.deadline in "r.json" equals null',
    });
  });
});

describe('sections', () => {
  const report = '# Report\n\n## Summary\nAll good.\n\nSee the conclusion below.\n';

  it('passes when every section is a heading or in the text', async () => {
    expect(await evaluate('sections', { sections: ['summary', 'Conclusion'] }, { artifacts: [{ path: 'report.md', content: report }] })).toEqual({
      checks: [
        {
          name: 'sections',
          passed: true,
          score: 1,
          message: 'all 2 sections found in report.md',
          details: { artifact: 'report.md', found: [{ section: 'summary', as: 'heading' }, { section: 'Conclusion', as: 'text' }], missing: [] },
        },
      ],
    });
  });

  it('fails listing the missing sections', async () => {
    expect(await evaluate('sections', { sections: ['Summary', 'Risks', 'Next steps'] }, { artifacts: [{ path: 'report.md', content: report }] })).toEqual({
      checks: [
        {
          name: 'sections',
          passed: false,
          score: 0,
          message: 'missing sections in report.md: Risks, Next steps (found: Summary)',
          details: { artifact: 'report.md', found: [{ section: 'Summary', as: 'heading' }], missing: ['Risks', 'Next steps'] },
        },
      ],
    });
  });
});

describe('unknown types', () => {
  it('fail with unknown_<type>', async () => {
    expect(await evaluate('file_size', {})).toEqual({
      checks: [
        { name: 'unknown_file_size', passed: false, score: 0, message: 'unknown artifact assertion type "file_size" (known: artifact_exists, contains, regex, schema, json_path, sections)' },
      ],
    });
  });
});
