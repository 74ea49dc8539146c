import { check, type EvalCheck } from '@atp/kernel';
import type { FileContainsConfig } from '../config-schemas.js';
import { compileRegex } from '../compile-regex.js';
import { MAX_READ_BYTES, readTextPrefix } from '../read-text.js';
import { describeKind, locate } from '../workspace-root.js';
import { excerpt } from '../excerpt.js';

/** `file_contains`: the file at `path` contains `pattern` (substring, or a regex with `regex: true`). */
export async function fileContains(config: FileContainsConfig, root: string): Promise<EvalCheck> {
  const found = await locate(root, config.path);
  if (!found.ok) return check('file_contains', false, found.message);
  const name = JSON.stringify(found.display);
  if (found.kind === 'missing') return check('file_contains', false, `${name} does not exist in the workspace`);
  if (found.kind !== 'file') return check('file_contains', false, `${name} is ${describeKind(found.kind)}, not a file`);
  const { text, truncated } = await readTextPrefix(found.absolute);
  const scope = truncated ? ` (only the first ${MAX_READ_BYTES} bytes were searched)` : '';
  const shown = JSON.stringify(config.pattern);
  if (config.regex) {
    const compiled = compileRegex(config.pattern, config.case_sensitive ? '' : 'i');
    if (!compiled.ok) return check('file_contains', false, compiled.error);
    const match = compiled.regex.exec(text);
    return match
      ? check('file_contains', true, `${name} matches /${config.pattern}/`, { evidence: excerpt(text, match.index, match[0].length) })
      : check('file_contains', false, `${name} has no match for /${config.pattern}/${scope}`);
  }
  const haystack = config.case_sensitive ? text : text.toLowerCase();
  const index = haystack.indexOf(config.case_sensitive ? config.pattern : config.pattern.toLowerCase());
  return index >= 0
    ? check('file_contains', true, `${name} contains ${shown}`, { evidence: excerpt(text, index, config.pattern.length) })
    : check('file_contains', false, `${name} does not contain ${shown}${scope}`);
}
