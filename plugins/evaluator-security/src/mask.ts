/**
 * Masking of sensitive values in evidence: enough is kept to find the value in the agent's output
 * (a provider prefix, the last characters, an email's domain), never the value itself.
 */

const ELLIPSIS = '…';

/** How many trailing characters of a secret of this length may be shown. */
function visibleTail(length: number): number {
  if (length >= 20) return 4;
  if (length >= 12) return 2;
  return 0;
}

/** `sk-proj-…abcd`: the known, non-secret `prefix`, an ellipsis, and at most the last 4 characters. */
export function maskSecret(value: string, prefix = ''): string {
  const keepPrefix = prefix && value.startsWith(prefix) ? prefix : '';
  const body = value.slice(keepPrefix.length);
  const tail = visibleTail(body.length);
  return `${keepPrefix}${ELLIPSIS}${tail ? body.slice(-tail) : ''}`;
}

/** `a***@example.com`: the first character of the local part and the domain. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskSecret(value);
  return `${value[0]}***${value.slice(at)}`;
}

/** `***-**-6789`: every digit but the last `keep` replaced by `*`, separators kept. */
export function maskDigits(value: string, keep = 4): string {
  let digitsSeen = 0;
  const total = value.replace(/\D/g, '').length;
  let out = '';
  for (const ch of value) {
    if (/\d/.test(ch)) {
      digitsSeen++;
      out += digitsSeen > total - keep ? ch : '*';
    } else out += ch;
  }
  return out;
}

/** `DE89…3000`: country code, check digits and the last 4 characters. */
export function maskIban(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return `${compact.slice(0, 4)}${ELLIPSIS}${compact.slice(-4)}`;
}

/** `[redacted 1623 chars]`: nothing of the value (key and certificate bodies). */
export function redactBlock(value: string): string {
  return `[redacted ${value.length} chars]`;
}

const EXCERPT_MAX = 120;

/** One line of evidence: newlines escaped, long text shortened in the middle. */
export function oneLine(text: string, max = EXCERPT_MAX): string {
  const flat = text.replace(/\r?\n/g, '\\n').replace(/\t/g, ' ');
  if (flat.length <= max) return flat;
  const half = Math.floor((max - 1) / 2);
  return `${flat.slice(0, half)}${ELLIPSIS}${flat.slice(-half)}`;
}
