import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import type { ContainsConfig } from '../config-schemas.js';
import { excerpt, textTargets } from '../artifacts.js';
import { matchRegex } from './regex.js';

/** `contains`: the first artifact (or the one named `path`) whose text contains `pattern`. */
export function contains(config: ContainsConfig, input: EvaluationInput): EvalCheck {
  if (config.regex) {
    return matchRegex('contains', config.pattern, config.case_sensitive ? '' : 'i', config.path, input);
  }
  const found = textTargets(input.response.artifacts, config.path);
  if (!found.ok) return check('contains', false, found.message);
  const needle = config.case_sensitive ? config.pattern : config.pattern.toLowerCase();
  const quoted = JSON.stringify(config.pattern);
  const how = config.case_sensitive ? '' : ' (ignoring case)';
  for (const target of found.targets) {
    const index = (config.case_sensitive ? target.text : target.text.toLowerCase()).indexOf(needle);
    if (index >= 0) {
      return check('contains', true, `found ${quoted}${how} in ${target.id}`, {
        evidence: `${target.id}: ${excerpt(target.text, index, config.pattern.length)}`,
        details: { artifact: target.id, index },
      });
    }
  }
  return check('contains', false, `${quoted} not found${how} in ${found.targets.map((t) => t.id).join(', ')}`);
}
