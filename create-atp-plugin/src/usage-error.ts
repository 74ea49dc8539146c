/** A problem with what the user asked for: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  readonly hint?: string;
  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    if (hint !== undefined) this.hint = hint;
  }
}
