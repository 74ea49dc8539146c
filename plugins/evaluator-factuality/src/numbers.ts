/** Numbers in text, with thousands separators, decimals, scale words, percentages and units. */

/** A number found in text. */
export interface NumberMention {
  value: number;
  raw: string;
  start: number;
  end: number;
  percent: boolean;
  /** The word or symbol after the number (`m`, `km`, `USD`…), when there is one. */
  unit?: string;
}

const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const CURRENCY: Readonly<Record<string, string>> = { $: 'USD', '€': 'EUR', '£': 'GBP' };

// A number: optional sign and currency, digits with , thousands separators or plain, optional decimals.
const NUMBER = /(?<![\p{L}\p{N}.,_/#-])(?<sign>[-−])?(?<cur>[$€£])?(?<int>\d{1,3}(?:,\d{3})+|\d+)(?<frac>\.\d+)?(?!\d|[.,]\d)(?:(?<attached>[kKMB]|bn|mn|tn)(?![\p{L}\p{N}]))?(?<pct>\s?%)?(?:\s+(?<word>percent|per cent|thousand|million|billion|trillion)\b)?(?:\s*(?<unit>[\p{L}°]{1,12})(?![\p{L}]))?/gu;

const SMALL: Readonly<Record<string, number>> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, dozen: 12,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
// "one" is left out: it is far more often a pronoun ("one of the…") than a quantity.
const NUMBER_WORD = new RegExp(
  `\\b(?:(?<tens>${Object.keys(TENS).join('|')})(?:-(?<unit>${Object.keys(UNITS).join('|')}))?|(?<small>${Object.keys(SMALL).join('|')}))(?:\\s+(?<scale>hundred|thousand|million|billion))?\\b(?:\\s+(?<word>[\\p{L}]{1,12})(?![\\p{L}]))?`,
  'giu',
);

function numberWords(text: string, skip: ReadonlyArray<{ start: number; end: number }>): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of text.matchAll(NUMBER_WORD)) {
    const g = m.groups ?? {};
    if (skip.some((s) => m.index >= s.start && m.index < s.end)) continue;
    let value = g['tens'] ? TENS[g['tens'].toLowerCase()]! + (g['unit'] ? UNITS[g['unit'].toLowerCase()]! : 0) : SMALL[g['small']!.toLowerCase()]!;
    if (g['scale']) value *= g['scale'].toLowerCase() === 'hundred' ? 100 : SCALES[g['scale'].toLowerCase()]!;
    const percent = g['word']?.toLowerCase() === 'percent';
    const rawEnd = m.index + m[0].length - (g['word'] && !percent ? g['word'].length : 0);
    out.push({ value, raw: text.slice(m.index, rawEnd).trim(), start: m.index, end: rawEnd, percent, ...(g['word'] && !percent ? { unit: g['word'] } : {}) });
  }
  return out;
}

/** Numbers mentioned in `text` (digits, or number words from two to ninety-nine with an optional scale), skipping the ranges in `skip` (dates, citation markers, URLs). */
export function findNumbers(text: string, skip: ReadonlyArray<{ start: number; end: number }> = []): NumberMention[] {
  const out: NumberMention[] = numberWords(text, skip);
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const g = m.groups ?? {};
    if (skip.some((s) => start >= s.start && start < s.end)) continue;
    let value = Number(`${g['int']!.replace(/,/g, '')}${g['frac'] ?? ''}`);
    if (g['sign']) value = -value;
    const word = g['word']?.toLowerCase().replace(/\s+/g, ' ');
    const percent = g['pct'] !== undefined || word === 'percent' || word === 'per cent';
    const scaleWord = g['attached']?.toLowerCase() ?? (word && !percent ? word : undefined);
    if (scaleWord) value *= SCALES[scaleWord] ?? 1;
    let unit = g['cur'] ? CURRENCY[g['cur']] : undefined;
    if (!unit && !percent && g['unit'] !== undefined) unit = g['unit'];
    // The raw text without a trailing unit word (kept separately).
    const rawEnd = g['unit'] !== undefined ? start + m[0].length - g['unit'].length : start + m[0].length;
    out.push({ value, raw: text.slice(start, rawEnd).trim(), start, end: rawEnd, percent, ...(unit ? { unit } : {}) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether `actual` is within tolerance of `expected`, and how close (1 = equal, 0 = at the edge). */
export function compareNumbers(expected: number, actual: number, tolerance: number, mode: 'relative' | 'absolute'): { agrees: boolean; closeness: number } {
  const allowed = mode === 'relative' ? Math.abs(expected) * tolerance : tolerance;
  const diff = Math.abs(actual - expected);
  // A tiny epsilon absorbs binary noise (0.1 + 0.2).
  if (diff <= allowed + 1e-9 * Math.max(1, Math.abs(expected))) return { agrees: true, closeness: allowed === 0 || diff === 0 ? 1 : 1 - diff / allowed };
  return { agrees: false, closeness: 0 };
}

/** A number for messages: no float noise, at most 6 significant decimals. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
