/** One `${NAME}` reference found in a string. */
export interface VariableUse {
  name: string;
  /** Index and length of the reference in the original string. */
  index: number;
  length: number;
  /** Not set and no default: the reference stays in the text verbatim. */
  missing: boolean;
  /** What the reference was replaced with (absent when missing). */
  text?: string;
}

/** The result of substituting one string. */
export interface Substitution {
  value: string;
  uses: VariableUse[];
  /** The whole string was exactly one reference: its value may take the type its field needs. */
  pure: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_]/;

/**
 * Substitute `${NAME}`, `${NAME:default}` and `${NAME:-default}` in one string.
 * `:default` applies when NAME is unset; `:-default` also when it is set but empty (as in a shell).
 * `$${` writes a literal `${`. Anything else that is not a well-formed reference stays verbatim.
 * Returns undefined when the string has no `$` (the common case, kept allocation-free).
 */
export function substitute(text: string, env: Readonly<Record<string, string | undefined>>): Substitution | undefined {
  if (!text.includes('$')) return undefined;
  let out = '';
  const uses: VariableUse[] = [];
  let pure = false;
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    if (text[dollar + 1] === '$' && text[dollar + 2] === '{') {
      out += '${';
      i = dollar + 3;
      continue;
    }
    const ref = text[dollar + 1] === '{' ? parseReference(text, dollar) : undefined;
    if (!ref) {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const raw = text.slice(dollar, ref.end);
    const value = env[ref.name];
    let resolved: string | undefined;
    if (ref.fallback === undefined) resolved = value;
    else if (ref.emptyToo) resolved = value === undefined || value === '' ? ref.fallback : value;
    else resolved = value ?? ref.fallback;
    uses.push({ name: ref.name, index: dollar, length: raw.length, missing: resolved === undefined, ...(resolved !== undefined ? { text: resolved } : {}) });
    out += resolved ?? raw;
    if (dollar === 0 && ref.end === text.length) pure = true;
    i = ref.end;
  }
  return { value: out, uses, pure };
}

interface Reference {
  name: string;
  fallback?: string;
  emptyToo: boolean;
  /** Index just after the closing brace. */
  end: number;
}

function parseReference(text: string, dollar: number): Reference | undefined {
  let j = dollar + 2;
  if (!NAME_START.test(text[j] ?? '')) return undefined;
  while (j < text.length && NAME_PART.test(text[j]!)) j++;
  const name = text.slice(dollar + 2, j);
  if (text[j] === '}') return { name, emptyToo: false, end: j + 1 };
  if (text[j] !== ':') return undefined;
  const close = text.indexOf('}', j);
  if (close < 0) return undefined;
  const emptyToo = text[j + 1] === '-';
  return { name, fallback: text.slice(j + (emptyToo ? 2 : 1), close), emptyToo, end: close + 1 };
}
