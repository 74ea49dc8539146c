import { check, deepEqual, formatJsonPath, parseJsonPath, resolveJsonPath } from '@atp/kernel';
import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import type { JsonPathConfig } from '../config-schemas.js';
import { jsonTarget } from '../json-target.js';

/**
 * `json_path`: the value at `json_path` in the target artifact's JSON equals `equals` (deep equality),
 * or exists (`exists: true`, also the default when no expectation is given), or is absent (`absent: true`).
 */
export function jsonPath(config: JsonPathConfig, input: EvaluationInput): EvalCheck {
  const parsed = parseJsonPath(config.json_path);
  if (!parsed.ok) return check('json_path', false, parsed.error);
  const target = jsonTarget(input.response.artifacts, config.path);
  if (!target.ok) return check('json_path', false, target.message);
  const where = `${formatJsonPath(parsed.segments)} in ${JSON.stringify(target.id)}`;
  const resolved = resolveJsonPath(target.data, parsed.segments);
  if (config.absent) {
    return resolved.found
      ? check('json_path', false, `${where} is present (${show(resolved.value)}), expected it to be absent`, { evidence: show(resolved.value) })
      : check('json_path', true, `${where} is absent`);
  }
  if (!resolved.found) {
    const stop = resolved.missingAt === formatJsonPath(parsed.segments) ? '' : ` (${resolved.missingAt} does not exist)`;
    return check('json_path', false, `${where} not found${stop}`);
  }
  if ('equals' in config) {
    return deepEqual(resolved.value, config.equals)
      ? check('json_path', true, `${where} equals ${show(config.equals)}`)
      : check('json_path', false, `${where} is ${show(resolved.value)}, expected ${show(config.equals)}`, { evidence: show(resolved.value) });
  }
  return check('json_path', true, `${where} exists (${show(resolved.value)})`);
}

const SHOWN_LENGTH = 120;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}
