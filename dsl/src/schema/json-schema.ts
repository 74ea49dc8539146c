import { z } from 'zod';
import { SuiteSchema } from './suite.js';

/** Where the published schema lives (for `# yaml-language-server: $schema=…`). */
export const SUITE_SCHEMA_ID = 'https://unpkg.com/@atp/dsl/schemas/suite.schema.json';

/** A string that is exactly one `${VAR}`: the compiler converts it to the field's type. */
const VARIABLE = { type: 'string', pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*(?::-?[^}]*)?\\}$', description: 'One ${VAR}, converted to the field type' };
const TYPED = new Set(['integer', 'number', 'boolean']);

/** Let number and boolean fields also hold one `${VAR}`, as the compiler does, so editors do not flag them. */
function allowVariables(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowVariables);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = allowVariables(v);
  if (typeof out.type === 'string' && TYPED.has(out.type)) {
    const { description, ...typed } = out;
    return { ...(description !== undefined ? { description } : {}), anyOf: [typed, VARIABLE] };
  }
  return out;
}

/** The JSON Schema (draft 2020-12) of the suite format, generated from the zod schemas (input side). */
export function suiteJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(SuiteSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const { $schema, ...rest } = allowVariables(schema) as Record<string, unknown>;
  return { $schema, $id: SUITE_SCHEMA_ID, title: 'ATP test suite', ...rest };
}
