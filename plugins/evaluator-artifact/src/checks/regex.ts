import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import type { RegexConfig } from '../config-schemas.js';
import { excerpt, textTargets } from '../artifacts.js';
import { compileRegex } from '../compile-regex.js';

/** `regex`: the first artifact (or the one named `path`) whose text matches `pattern` with `flags`. */
export function regex(config: RegexConfig, input: EvaluationInput): EvalCheck {
  return matchRegex('regex', config.pattern, config.flags ?? '', config.path, input);
}

/** Search the target artifacts for a regex match; shared by `regex` and `contains` with `regex: true`. */
export function matchRegex(name: string, pattern: string, flags: string, path: string | undefined, input: EvaluationInput): EvalCheck {
  const compiled = compileRegex(pattern, flags);
  if (!compiled.ok) return check(name, false, compiled.error);
  const found = textTargets(input.response.artifacts, path);
  if (!found.ok) return check(name, false, found.message);
  const shown = `/${pattern}/${flags}`;
  for (const target of found.targets) {
    // A fresh lastIndex per artifact: `g` and `y` must not carry state from one artifact to the next.
    compiled.regex.lastIndex = 0;
    const match = compiled.regex.exec(target.text);
    if (match) {
      return check(name, true, `${shown} matched ${JSON.stringify(match[0])} in ${target.id}`, {
        evidence: `${target.id}: ${excerpt(target.text, match.index, match[0].length)}`,
        details: { artifact: target.id, index: match.index, match: match[0] },
      });
    }
  }
  return check(name, false, `${shown} did not match ${found.targets.map((t) => t.id).join(', ')}`);
}
