import { UsageError } from './usage-error.js';

/** The kinds of plugin create-atp-plugin scaffolds, each a folder of `templates/`. */
export const KINDS = ['adapter', 'evaluator', 'reporter', 'benchmark', 'importer'] as const;

/** A plugin kind. */
export type Kind = (typeof KINDS)[number];

/** What each kind's template contains, for prompts and help. */
export const KIND_DESCRIPTIONS: Record<Kind, string> = {
  adapter: 'connects ATP to an agent (example: an echo agent)',
  evaluator: 'scores an agent’s answer (example: the word_count assertion)',
  reporter: 'writes the results of a run (example: a summary reporter)',
  benchmark: 'loads a dataset as a plan (example: questions and answers from JSON)',
  importer: 'turns recorded traces into ATP events (example: a JSON trace format)',
};

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The kind named `value`, or a UsageError listing the kinds (with the nearest one). */
export function parseKind(value: string): Kind {
  const kind = value.trim().toLowerCase();
  if ((KINDS as readonly string[]).includes(kind)) return kind as Kind;
  const near = KINDS.map((k) => [k, distance(kind, k)] as const).sort((a, b) => a[1] - b[1])[0]!;
  const suggestion = near[1] <= Math.max(2, Math.floor(kind.length / 3)) ? ` — did you mean "${near[0]}"?` : '';
  throw new UsageError(`unknown kind "${value}"${suggestion}`, `--kind must be one of: ${KINDS.join(', ')}`);
}
