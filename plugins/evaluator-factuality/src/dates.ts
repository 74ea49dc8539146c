/** Dates in text: ISO dates, month-name dates, and years after a preposition ("in 1889"). */

/** A date as precise as the text says it: a year, a month, or a day. */
export interface DateValue {
  year: number;
  month?: number;
  day?: number;
}

/** A date found in text. */
export interface DateMention {
  value: DateValue;
  raw: string;
  start: number;
  end: number;
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';

const PATTERNS: readonly RegExp[] = [
  /(?<![\d-])(?<year>\d{4})-(?<monthNum>\d{2})(?:-(?<day>\d{2}))?(?![\d-])/g,
  new RegExp(`\\b${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})\\b`, 'gi'),
  new RegExp(`\\b(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(?<year>\\d{4})\\b`, 'gi'),
  new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?(?<year>\\d{4})\\b`, 'gi'),
  /\b(?:in|since|by|from|until|till|before|after|during|circa|around|year|of|early|late|mid)\s+(?<year>1\d{3}|20\d{2})\b(?![.,]\d|\s*%)/gi,
];

function valid(value: DateValue): boolean {
  if (value.year < 1000 || value.year > 2999) return false;
  if (value.month !== undefined && (value.month < 1 || value.month > 12)) return false;
  if (value.day !== undefined && (value.day < 1 || value.day > 31)) return false;
  return true;
}

function fromGroups(groups: Record<string, string | undefined>): DateValue | undefined {
  const year = Number(groups['year']);
  const month = groups['monthNum'] !== undefined ? Number(groups['monthNum']) : groups['month'] !== undefined ? MONTHS[groups['month'].toLowerCase().replace('.', '')] : undefined;
  const day = groups['day'] !== undefined ? Number(groups['day']) : undefined;
  const value: DateValue = { year, ...(month !== undefined ? { month } : {}), ...(day !== undefined ? { day } : {}) };
  return valid(value) ? value : undefined;
}

/** Dates mentioned in `text`, most precise first where they overlap. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = fromGroups(m.groups ?? {});
      if (!value) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && f.end > start)) continue;
      found.push({ value, raw: m[0], start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Read a ground-truth date: `1889-03-31`, `1889-03`, `1889`, `March 31, 1889`, `31 March 1889`, `March 1889`. */
export function parseDate(text: string): DateValue | undefined {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) return fromGroups({ year: trimmed });
  const [first] = findDates(trimmed);
  return first && first.raw.trim() === trimmed ? first.value : undefined;
}

/** Whether a mentioned date agrees with the expected one on every part both give; `exact` when equally precise. */
export function compareDates(expected: DateValue, actual: DateValue): { agrees: boolean; exact: boolean } {
  const agrees = expected.year === actual.year && (expected.month === undefined || actual.month === undefined || expected.month === actual.month) && (expected.day === undefined || actual.day === undefined || expected.day === actual.day);
  return { agrees, exact: agrees && expected.month === actual.month && expected.day === actual.day };
}

/** `1889-03-31`, `1889-03` or `1889`. */
export function formatDate(value: DateValue): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${value.year}${value.month !== undefined ? `-${pad(value.month)}` : ''}${value.day !== undefined ? `-${pad(value.day)}` : ''}`;
}
