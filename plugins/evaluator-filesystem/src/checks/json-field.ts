import { check, deepEqual, formatJsonPath, parseJsonPath, resolveJsonPath, type EvalCheck } from '@atp/kernel';
import type { JsonFieldConfig } from '../config-schemas.js';
import { MAX_READ_BYTES, readTextPrefix } from '../read-text.js';
import { describeKind, locate } from '../workspace-root.js';

const SHOWN_LENGTH = 120;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text;
}

/**
 * `json_field`: the value at `json_path` in the JSON file at `path` equals `equals` (deep equality),
 * exists (`exists: true`, the default), or is absent (`absent: true`).
 */
export async function jsonField(config: JsonFieldConfig, root: string): Promise<EvalCheck> {
  const parsedPath = parseJsonPath(config.json_path);
  if (!parsedPath.ok) return check('json_field', false, parsedPath.error);
  const found = await locate(root, config.path);
  if (!found.ok) return check('json_field', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'missing') return check('json_field', false, `${name} does not exist in the workspace`);
  if (found.kind !== 'file') return check('json_field', false, `${name} is ${describeKind(found.kind)}, not a file`);
  const { text, truncated } = await readTextPrefix(found.absolute);
  if (truncated) return check('json_field', false, `${name} is larger than ${MAX_READ_BYTES} bytes; json_field reads JSON files up to that size`);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return check('json_field', false, `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const where = `${formatJsonPath(parsedPath.segments)} in ${name}`;
  const resolved = resolveJsonPath(data, parsedPath.segments);
  if (config.absent) {
    return resolved.found
      ? check('json_field', false, `${where} is present (${show(resolved.value)}), expected it to be absent`, { evidence: show(resolved.value) })
      : check('json_field', true, `${where} is absent`);
  }
  if (!resolved.found) {
    const stop = resolved.missingAt === formatJsonPath(parsedPath.segments) ? '' : ` (${resolved.missingAt} does not exist)`;
    return check('json_field', false, `${where} not found${stop}`);
  }
  if (config.equals !== undefined) {
    return deepEqual(resolved.value, config.equals)
      ? check('json_field', true, `${where} equals ${show(config.equals)}`)
      : check('json_field', false, `${where} is ${show(resolved.value)}, expected ${show(config.equals)}`, { evidence: show(resolved.value) });
  }
  return check('json_field', true, `${where} exists (${show(resolved.value)})`);
}
