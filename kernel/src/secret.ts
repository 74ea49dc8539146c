import { inspect } from 'node:util';

const REDACTED = '***';

/**
 * A secret value (API key, token). It prints as `***` in strings, JSON, `util.inspect` and logs;
 * only `reveal()` gives the real value, so the place that uses it is explicit.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The real value: call only where it is sent to its destination. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return REDACTED;
  }
  toJSON(): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return REDACTED;
  }
}

/** A string or a Secret: what config fields that may hold credentials accept. */
export type MaybeSecret = string | Secret;

/** The real string behind a value that may be a Secret. */
export function reveal(value: MaybeSecret): string;
export function reveal(value: MaybeSecret | undefined): string | undefined;
export function reveal(value: MaybeSecret | undefined): string | undefined {
  return value instanceof Secret ? value.reveal() : value;
}

/** True for values that are Secrets (also across duplicated copies of the kernel). */
export function isSecret(value: unknown): value is Secret {
  return value instanceof Secret || (typeof value === 'object' && value !== null && typeof (value as { reveal?: unknown }).reveal === 'function' && String(value) === REDACTED);
}

const SENSITIVE_NAME = /(^|_)(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|AUTH|APIKEY)($|_)|^(AWS|AZURE|GCP|GOOGLE|ANTHROPIC|OPENAI|HF|DATABASE|DB|PRIVATE)_/i;

/** True when an environment variable's name suggests it holds a credential. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

/**
 * Replace every occurrence of the given secret values in `text` with `***`.
 * Used on error messages and logs that may echo a credential back (an HTTP error body, a stack).
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 4) out = out.split(s).join(REDACTED);
  }
  return out;
}
