import { check } from '@atp/kernel';
import type { EvalCheck, EvaluationInput } from '@atp/kernel';
import type { SectionsConfig } from '../config-schemas.js';
import { textTargets } from '../artifacts.js';

/** How a section was found. */
type Found = { section: string; as: 'heading' | 'text' };

/**
 * `sections`: in the artifact named `path` (else the first artifact with text), each section is found
 * when a Markdown heading contains it, or when its text appears anywhere; both ignore case (reference §3.2).
 */
export function sections(config: SectionsConfig, input: EvaluationInput): EvalCheck {
  const found = textTargets(input.response.artifacts, config.path);
  if (!found.ok) return check('sections', false, found.message);
  const target = found.targets[0]!;
  const lower = target.text.toLowerCase();
  const headings = target.text
    .split(/\r?\n/)
    .filter((line) => /^\s{0,3}#{1,6}(\s|$)/.test(line))
    .map((line) => line.toLowerCase());
  const present: Found[] = [];
  const missing: string[] = [];
  for (const section of config.sections) {
    const s = section.toLowerCase();
    if (headings.some((h) => h.includes(s))) present.push({ section, as: 'heading' });
    else if (lower.includes(s)) present.push({ section, as: 'text' });
    else missing.push(section);
  }
  const details = { artifact: target.id, found: present, missing };
  if (missing.length === 0) {
    return check('sections', true, `all ${config.sections.length} sections found in ${target.id}`, { details });
  }
  const foundNote = present.length ? ` (found: ${present.map((f) => f.section).join(', ')})` : '';
  return check('sections', false, `missing sections in ${target.id}: ${missing.join(', ')}${foundNote}`, { details });
}
