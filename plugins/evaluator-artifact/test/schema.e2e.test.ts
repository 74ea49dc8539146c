import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, removeTempDirs, runAtp, tempProject } from '@atp/testkit/e2e';

// Line 12 holds the misspelled keyword, line 13 the invalid type, line 14 the unresolvable $ref.
const SUITE = `test_suite: schemas
agents:
  - name: a
    type: http
    config: { endpoint: "http://127.0.0.1:9/", allow_internal: true }
tests:
  - id: t1
    name: schema typos
    task: { description: artifacts }
    assertions:
      - type: schema
        config: { path: stats, schema: { type: object, requird: [count] } }
      - { id: s2, type: schema, config: { path: stats, schema: { type: strin } } }
      - { id: s3, type: schema, config: { schema: { $ref: "#/definitions/nope" } } }
`;

const project = (suite: string): string => tempProject({ 'suite.yaml': suite }, { prefix: 'artifact-schema-', plugins: ['@atp/preset-default'] });

beforeAll(() => ensureBuilt([new URL('../', import.meta.url)]));
afterAll(removeTempDirs);

describe('schema assertions through the real atp binary', { timeout: 60_000 }, () => {
  it('atp validate: an invalid JSON Schema or an unknown keyword is a located compile error, exit 2', async () => {
    const r = await runAtp(['validate', 'suite.yaml'], project(SUITE));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'suite.yaml:12:65: error "schema" config: schema.requird: unknown JSON Schema keyword "requird" — did you mean "required"? (strict: false ignores unknown keywords) [ATP_EVALUATOR_CONFIG]',
    );
    expect(r.stderr).toContain(['> 12 |         config: { path: stats, schema: { type: object, requird: [count] } }', `     |                                                                 ${'^'.repeat(7)}`].join('\n'));
    expect(r.stderr).toContain(
      'suite.yaml:13:72: error "schema" config: schema.type: invalid JSON Schema: expected one of "array", "boolean", "integer", "null", "number", "object", "string", got "strin" — did you mean "string"? [ATP_EVALUATOR_CONFIG]',
    );
    expect(r.stderr).toContain(`suite.yaml:14:59: error "schema" config: schema["$ref"]: invalid JSON Schema: can't resolve reference #/definitions/nope [ATP_EVALUATOR_CONFIG]`);
    expect(r.stderr).toContain('3 errors');
  });

  it('atp validate: strict: false lets unknown keywords through; a valid schema is ok', async () => {
    const lenient = SUITE.replace('schema: { type: object, requird: [count] } }', 'schema: { type: object, requird: [count] }, strict: false }')
      .replace('type: strin', 'type: string')
      .replace('$ref: "#/definitions/nope"', '$ref: "#/definitions/a", definitions: { a: { type: object } }');
    expect(await runAtp(['validate', 'suite.yaml'], project(lenient))).toMatchObject({ code: 0, stdout: 'suite.yaml: ok — suite "schemas", 1 test\n' });
  });
});
