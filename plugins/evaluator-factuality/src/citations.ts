/** Citations: URLs, DOIs and numbered references ([1] with a "[1] …" reference list), validated against valid_sources. */

/** A citation's state: valid and invalid count in the citation score; unchecked ones (no valid_sources) do not. */
export type CitationStatus = 'valid' | 'invalid' | 'unchecked';

/** One citation. */
export interface Citation {
  kind: 'url' | 'doi' | 'reference';
  /** The URL, the DOI, or `[n]`. */
  citation: string;
  artifact: string;
  status: CitationStatus;
  reason: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"'`)\]]+/g;
const DOI = /(?<![\w/.])(?:doi:\s*)?(10\.\d{4,9}\/[^\s"<>)\]]+)/gi;
const MARKER = /\[(\d+(?:\s*[,–-]\s*\d+)*)\](?!\()/g;
const DEFINITION = /^[ \t]*\[(\d+)\]:?[ \t]+(.+)$/gm;

function trimPunctuation(s: string): string {
  return s.replace(/[.,;:!?]+$/, '');
}

/** A URL or domain reduced to comparable form: host without www., path without trailing slash, no scheme, query kept, fragment dropped. */
function canonical(value: string): string | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    const path = url.pathname.replace(/\/+$/, '');
    return `${host}${path}${url.search}`;
  } catch {
    return undefined;
  }
}

/** A URL matches a source given as a URL (prefix on path boundaries) or a domain (the host or a subdomain of it). */
export function urlMatchesSource(url: string, source: string): boolean {
  const u = canonical(url);
  if (!u) return false;
  if (!/^[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)/i.test(source.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''))) return false;
  const s = canonical(source);
  if (!s) return false;
  if (!s.includes('/') && !s.includes('?')) {
    const host = u.split(/[/?]/)[0]!;
    return host === s || host.endsWith(`.${s}`);
  }
  return u === s || u.startsWith(`${s}/`) || u.startsWith(`${s}?`);
}

function checkUrl(url: string, sources: readonly string[] | undefined): { status: CitationStatus; reason: string } {
  if (!canonical(url)) return { status: 'invalid', reason: 'malformed URL' };
  if (!sources) return { status: 'unchecked', reason: 'no valid_sources in the ground truth' };
  const match = sources.find((s) => urlMatchesSource(url, s));
  return match ? { status: 'valid', reason: `matches valid source ${JSON.stringify(match)}` } : { status: 'invalid', reason: 'not among valid_sources' };
}

function checkDoi(doi: string, sources: readonly string[] | undefined): { status: CitationStatus; reason: string } {
  if (!sources) return { status: 'unchecked', reason: 'no valid_sources in the ground truth' };
  const match = sources.find((s) => s.toLowerCase().includes(doi.toLowerCase()) || urlMatchesSource(`https://doi.org/${doi}`, s));
  return match ? { status: 'valid', reason: `matches valid source ${JSON.stringify(match)}` } : { status: 'invalid', reason: 'not among valid_sources' };
}

function checkDefinition(text: string, sources: readonly string[] | undefined): { status: CitationStatus; reason: string } {
  const url = text.match(URL_PATTERN)?.[0];
  if (url) return checkUrl(trimPunctuation(url), sources);
  if (!sources) return { status: 'unchecked', reason: 'no valid_sources in the ground truth' };
  // A reference without a URL ("Smith 2020, Nature") is valid when it names a valid source.
  const named = sources.find((s) => text.toLowerCase().includes(s.toLowerCase()));
  return named ? { status: 'valid', reason: `names valid source ${JSON.stringify(named)}` } : { status: 'invalid', reason: 'names no valid source' };
}

function expand(list: string): number[] {
  const out: number[] = [];
  for (const part of list.split(',')) {
    const [a, b] = part.split(/[–-]/).map((s) => Number(s.trim()));
    if (a === undefined || Number.isNaN(a)) continue;
    if (b === undefined || Number.isNaN(b) || b < a || b - a > 50) out.push(a);
    else for (let n = a; n <= b; n++) out.push(n);
  }
  return out;
}

/** Every citation of the texts, each counted once per artifact. */
export function extractCitations(targets: ReadonlyArray<{ id: string; text: string }>, sources: readonly string[] | undefined): Citation[] {
  const out: Citation[] = [];
  for (const { id, text } of targets) {
    const definitions = new Map<number, { text: string; start: number; end: number }>();
    for (const m of text.matchAll(DEFINITION)) definitions.set(Number(m[1]), { text: m[2]!, start: m.index, end: m.index + m[0].length });
    const inDefinition = (offset: number): boolean => [...definitions.values()].some((d) => offset >= d.start && offset < d.end);
    for (const [n, def] of [...definitions.entries()].sort((a, b) => a[0] - b[0])) {
      out.push({ kind: 'reference', citation: `[${n}]`, artifact: id, ...checkDefinition(def.text, sources) });
    }
    const dangling = new Set<number>();
    for (const m of text.matchAll(MARKER)) {
      if (inDefinition(m.index)) continue;
      for (const n of expand(m[1]!)) if (!definitions.has(n)) dangling.add(n);
    }
    for (const n of [...dangling].sort((a, b) => a - b)) out.push({ kind: 'reference', citation: `[${n}]`, artifact: id, status: 'invalid', reason: 'cited but not defined in a reference list' });
    const seen = new Set<string>();
    for (const m of text.matchAll(URL_PATTERN)) {
      if (inDefinition(m.index)) continue;
      const url = trimPunctuation(m[0]);
      if (seen.has(url)) continue;
      seen.add(url);
      out.push({ kind: 'url', citation: url, artifact: id, ...checkUrl(url, sources) });
    }
    for (const m of text.matchAll(DOI)) {
      if (inDefinition(m.index) || /https?:\/\/\S*$/.test(text.slice(Math.max(0, m.index - 200), m.index))) continue;
      const doi = trimPunctuation(m[1]!);
      if (seen.has(doi)) continue;
      seen.add(doi);
      out.push({ kind: 'doi', citation: doi, artifact: id, ...checkDoi(doi, sources) });
    }
  }
  return out;
}
