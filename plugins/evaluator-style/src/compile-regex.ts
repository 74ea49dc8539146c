/** A compiled regular expression, or the engine's reason for rejecting it. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; error: string };

/** Compile `pattern` with `flags` (JavaScript syntax) without throwing. */
export function compileRegex(pattern: string, flags: string): CompiledRegex {
  try {
    return { ok: true, regex: new RegExp(pattern, flags) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8: "Invalid regular expression: /(/: Unterminated group" — keep the reason.
    const reason = /^Invalid regular expression: \/.*\/[a-z]*: (.*)$/s.exec(message)?.[1] ?? message;
    return { ok: false, error: `invalid regular expression /${pattern}/: ${reason}` };
  }
}
