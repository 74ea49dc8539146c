/** A compiled regular expression, or the engine's reason for rejecting it. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compile `pattern` with `flags` (JavaScript syntax) without throwing. */
export function compileRegex(pattern: string, flags = ''): CompiledRegex {
  try {
    return { ok: true, regex: new RegExp(pattern, flags) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = /^Invalid (?:regular expression|flags)[^:]*: (?:\/.*\/[a-z]*: )?(.*)$/s.exec(message);
    return { ok: false, error: `invalid regular expression /${pattern}/${flags}: ${reason?.[1] ?? message}` };
  }
}
