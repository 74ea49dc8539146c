/** A compiled regular expression, or the engine's message for an invalid one. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compile `pattern` with `flags` (JavaScript syntax) without throwing. */
export function compileRegex(pattern: string, flags = ''): CompiledRegex {
  try {
    return { ok: true, regex: new RegExp(pattern, flags) };
  } catch (error) {
    return { ok: false, error: `invalid regular expression /${pattern}/${flags}: ${regexErrorMessage(error)}` };
  }
}

function regexErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // V8 says "Invalid regular expression: /(/: Unterminated group"; keep only the reason.
  const reason = /^Invalid (?:regular expression|flags)[^:]*: (?:\/.*\/[a-z]*: )?(.*)$/s.exec(message);
  return reason?.[1] ?? message;
}
