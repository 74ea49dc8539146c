import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import type { SchemaConfig } from '../config-schemas.js';
import { jsonTarget } from '../json-target.js';
import { compileSchema, schemaErrors } from '../schema-cache.js';

const LISTED_ERRORS = 10;

/** `schema`: the target artifact's JSON validates against the JSON Schema (all errors reported). */
export function schema(config: SchemaConfig, input: EvaluationInput): EvalCheck {
  const compiled = compileSchema(config.schema);
  if (!compiled.ok) return check('schema', false, `invalid JSON Schema: ${compiled.error}`);
  const target = jsonTarget(input.response.artifacts, config.path);
  if (!target.ok) return check('schema', false, target.message);
  const id = JSON.stringify(target.id);
  if (compiled.validate(target.data)) return check('schema', true, `${id} matches the schema`);
  const errors = schemaErrors(compiled.validate.errors);
  const shown = errors.slice(0, LISTED_ERRORS).map((e) => `${e.instancePath} ${e.message}`);
  if (errors.length > LISTED_ERRORS) shown.push(`and ${errors.length - LISTED_ERRORS} more`);
  const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
  return check('schema', false, `${id} does not match the schema (${count}): ${shown.join('; ')}`, {
    details: { artifact: target.id, errors },
  });
}
