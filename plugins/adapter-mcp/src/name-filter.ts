/**
 * `tools_filter` / `resources_filter`: exact names or glob patterns where `*` matches any run of
 * characters (also `/`, so `demo://docs/*` covers a whole tree) and `?` exactly one.
 */

/** Why a pattern cannot be used, or undefined when it is fine. */
export function invalidGlob(pattern: string): string | undefined {
  if (pattern.trim() !== pattern) return `pattern ${JSON.stringify(pattern)} has leading or trailing spaces`;
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Compile one pattern: exact text unless it contains `*` or `?`. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c)))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** A compiled filter: `null` lets everything through, `[]` nothing. */
export class NameFilter {
  readonly #patterns: RegExp[] | undefined;
  readonly patterns: readonly string[] | null;

  constructor(patterns: readonly string[] | null) {
    this.patterns = patterns;
    this.#patterns = patterns === null ? undefined : patterns.map(globToRegExp);
  }

  /** True when the filter is unset. */
  get all(): boolean {
    return this.#patterns === undefined;
  }

  /** True when any of `candidates` (a tool name; a resource URI and name) matches a pattern. */
  matches(...candidates: Array<string | undefined>): boolean {
    if (!this.#patterns) return true;
    return candidates.some((c) => c !== undefined && this.#patterns!.some((re) => re.test(c)));
  }

  /** `tools_filter [a, b*]` for messages. */
  describe(key: string): string {
    return `${key} [${(this.patterns ?? []).join(', ')}]`;
  }
}
