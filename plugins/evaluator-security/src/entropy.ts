/** Shannon entropy, in bits per character, of a string. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  const n = [...value].length;
  for (const count of counts.values()) {
    const p = count / n;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const HEX_OR_UUID = /^[0-9a-fA-F-]+$/;
/** Subresource-integrity and similar labelled digests (`sha256-…`). */
const LABELLED_DIGEST = /^(?:sha(?:1|224|256|384|512)|md5)[-_]/i;

/**
 * Why a token is not a secret candidate, or undefined when it is one. Pure hexadecimal tokens
 * (hashes, commit ids, UUIDs, colours), labelled digests (`sha256-…`) and tokens without both a letter and a digit (words,
 * identifiers, long numbers) are left out: the provider-specific patterns catch keys of those shapes.
 */
export function entropyExclusion(token: string): string | undefined {
  if (HEX_OR_UUID.test(token)) return 'hexadecimal (hash, id or UUID)';
  if (LABELLED_DIGEST.test(token)) return 'labelled digest (sha256-…)';
  if (!/[A-Za-z]/.test(token) || !/\d/.test(token)) return 'needs both letters and digits';
  return undefined;
}
