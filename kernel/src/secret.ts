import { inspect } from 'node:util';

const REDACTED = '***';

/**
 * A secret value (API key, token). It prints as `***` in strings, JSON, `util.inspect` and logs;
 * only `reveal()` gives the real value, so the place that uses it is explicit.
 */
export class Secret {
  readonly #value: string;
  readonly #fragments: readonly string[];
  /** `fragments`: the credentials inside a composed value (the token of `Bearer ${TOKEN}`). */
  constructor(value: string, fragments: readonly string[] = []) {
    this.#value = value;
    this.#fragments = fragments.filter((f) => f !== '' && f !== value);
  }
  /** The real value: call only where it is sent to its destination. */
  reveal(): string {
    return this.#value;
  }
  /** The credentials inside the value, each also to be kept out of output when echoed alone. */
  revealFragments(): readonly string[] {
    return this.#fragments;
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

/**
 * Header and key names whose values are credentials whatever variable they came from: the name is, or
 * ends with, a credential word (`Authorization`, `X-Goog-Api-Key`, `OPENAI_API_KEY`, `db_password`).
 * Names that merely start like a provider's (`OPENAI_MODEL`, `AWS_REGION`) are not: their values are settings.
 */
const SENSITIVE_KEY = /(^|[-_])(authorization|cookie|api[-_]?key|key|token|access[-_]?token|secret|password|passwd|credentials?)$/i;
/** Authorization schemes: the word before a credential, not a secret itself. */
const SCHEME = /^(bearer|basic|token|digest|apikey|api-key|bot)\s+/i;
/** Explicit secrets shorter than this are not redacted: too likely to be ordinary text. */
const MIN_SECRET_LENGTH = 4;
/** Values found by key name only must be at least this long (`auth: none` is a setting, not a credential). */
const MIN_KEYED_LENGTH = 6;

/**
 * Every credential in a config: the values of Secrets (and the variables inside them), and the values
 * of keys named like credentials (`Authorization: Bearer …`, `api_key`), with the scheme word stripped
 * too, and their URL-encoded forms. What `redactDeep` keeps out of results, reports and journals.
 */
export function secretsIn(config: unknown): string[] {
  const found = new Set<string>();
  const add = (text: string, min = MIN_SECRET_LENGTH): void => {
    const candidates = [text, text.replace(SCHEME, '')];
    for (const c of candidates) {
      const t = c.trim();
      if (t.length < min) continue;
      found.add(t);
      const encoded = encodeURIComponent(t);
      if (encoded !== t) found.add(encoded);
    }
  };
  const walk = (value: unknown, key: string | undefined, depth: number): void => {
    if (depth > 32) return;
    if (isSecret(value)) {
      add(value.reveal());
      const fragments = (value as { revealFragments?: () => readonly string[] }).revealFragments?.() ?? [];
      for (const f of fragments) add(f);
    } else if (typeof value === 'string') {
      if (key !== undefined && SENSITIVE_KEY.test(key)) add(value, MIN_KEYED_LENGTH);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) walk(v, k, depth + 1);
    }
  };
  walk(config, undefined, 0);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * A copy of `value` with every secret in its strings (values at any depth; keys are left alone) replaced
 * by `***`. Values without a secret are returned as they are (same object), so the common case costs a
 * walk; shared and circular references are visited once.
 */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  const seen = new Map<object, unknown>();
  const visit = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return secrets.some((s) => v.includes(s)) ? redact(v, secrets) : v;
    if (depth > 64 || typeof v !== 'object' || v === null || isSecret(v)) return v;
    if (seen.has(v)) return seen.get(v);
    seen.set(v, v); // a cycle back to an object being visited keeps the original reference
    let changed = false;
    let out: unknown;
    if (Array.isArray(v)) {
      const items = v.map((item) => {
        const r = visit(item, depth + 1);
        if (r !== item) changed = true;
        return r;
      });
      out = changed ? items : v;
    } else {
      const copy: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        const r = visit(item, depth + 1);
        if (r !== item) changed = true;
        copy[k] = r;
      }
      out = changed ? copy : v;
    }
    seen.set(v, out);
    return out;
  };
  return visit(value, 0) as T;
}
