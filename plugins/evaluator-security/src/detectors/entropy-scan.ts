/** Secret-looking tokens found by their Shannon entropy rather than a known format. */
import { entropyExclusion, shannonEntropy } from '../entropy.js';

/** A token whose entropy reached the threshold. */
export interface EntropyHit {
  start: number;
  end: number;
  entropy: number;
}

const TOKEN = /[A-Za-z0-9+/_-]+={0,2}/g;
const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

function urlSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(URL_PATTERN)].map((m) => [m.index, m.index + m[0].length]);
}

function* pieces(token: string, start: number, inUrl: boolean): Generator<[string, number]> {
  if (!inUrl) {
    yield [token, start];
    return;
  }
  // Inside a URL, path segments are evaluated one by one (a path is not a secret, a segment may be).
  let offset = 0;
  for (const part of token.split('/')) {
    yield [part, start + offset];
    offset += part.length + 1;
  }
}

/**
 * Tokens of base64/base64url characters at least `minLength` long whose entropy is at least
 * `threshold` bits per character, minus hashes/UUIDs and letter-only or digit-only tokens
 * (see entropyExclusion) and `data:` URI payloads.
 */
export function entropyHits(text: string, threshold: number, minLength: number): EntropyHit[] {
  const urls = urlSpans(text);
  const hits: EntropyHit[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (match[0].length < minLength) continue;
    if (/base64,$/.test(text.slice(Math.max(0, match.index - 7), match.index))) continue;
    const inUrl = urls.some(([s, e]) => match.index >= s && match.index < e);
    for (const [piece, start] of pieces(match[0], match.index, inUrl)) {
      if (piece.length < minLength || entropyExclusion(piece) !== undefined) continue;
      const entropy = shannonEntropy(piece);
      if (entropy >= threshold) hits.push({ start, end: start + piece.length, entropy });
    }
  }
  return hits;
}
