/** A message expectation: a substring, or a RegExp the message must match. */
export type TextMatcher = string | RegExp;

/** Whether `text` contains the string or matches the RegExp. */
export function matchesText(text: string, matcher: TextMatcher): boolean {
  return typeof matcher === 'string' ? text.includes(matcher) : matcher.test(text);
}
