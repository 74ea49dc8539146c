/** Sentences, normalised text and content words. */

const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Corp|Fig|approx|U\.S|U\.K|a\.m|p\.m|No|Vol|al)\.(?=\s)/g;
/** A single capital letter with a period is an initial ("J. Doe"), not a sentence end. */
const INITIAL = /(?<![\p{L}\p{N}])\p{Lu}\.(?=\s)/gu;
const PLACEHOLDER = '\u0000';

/** A sentence and where it starts in its artifact. */
export interface Sentence {
  text: string;
  start: number;
}

/** Split on `.!?` runs followed by whitespace (abbreviations protected) and on blank lines / list items. */
export function splitSentences(text: string): Sentence[] {
  const protectedText = text.replace(ABBREVIATIONS, (m) => m.replace(/\./g, PLACEHOLDER)).replace(INITIAL, (m) => m.replace('.', PLACEHOLDER));
  const out: Sentence[] = [];
  const boundary = /[.!?]+(?=\s)|\n\s*\n|\n(?=\s*(?:[-*•]|\d+[.)])\s)/g;
  let from = 0;
  const push = (end: number): void => {
    const raw = protectedText.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replaceAll(PLACEHOLDER, '.');
    if (/[\p{L}\p{N}]/u.test(body)) out.push({ text: body, start: from + lead });
  };
  for (const m of protectedText.matchAll(boundary)) {
    push(m.index + (/^[.!?]/.test(m[0]) ? m[0].length : 0));
    from = m.index + m[0].length;
  }
  push(protectedText.length);
  return out;
}

/** Lower case, accents removed, `1,000` → `1000`, punctuation → space, whitespace collapsed. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[^\p{L}\p{N}.%]+/gu, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `needle` occurs in `haystack` on word boundaries, both normalised. */
export function containsNormalized(haystack: string, needle: string): boolean {
  const n = normalize(needle);
  return n.length > 0 && ` ${normalize(haystack)} `.includes(` ${n} `);
}

const STOP_WORDS = new Set(
  'a an the of in on at to for from by with and or but is are was were be been being has have had do does did it its this that these those as into than then there their they them he she his her we our you your i my me not no so such which who whom whose what when where why how all any each also very can could will would should may might must about over after before'.split(' '),
);

/** Content words of a phrase (normalised, stop words removed). */
export function contentWords(text: string): string[] {
  return normalize(text)
    .split(' ')
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

/** Content words made of letters only (context of a number). */
export function alphaContentWords(text: string): string[] {
  return contentWords(text).filter((w) => /^\p{L}+$/u.test(w));
}

/** Every keyword phrase's content words appear in the sentence (a trailing plural `s` is ignored). */
export function mentionsAll(sentence: string, keywords: readonly string[]): boolean {
  const words = new Set(normalize(sentence).split(' ').map(stem));
  const required = keywords.flatMap(contentWords).map(stem);
  return required.length > 0 && required.every((w) => words.has(w));
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}
