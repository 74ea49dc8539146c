import type { z } from 'zod';
import { AtpError, diagnostic } from './diagnostics.js';
import { ErrorCodes } from './codes.js';
import { nearest } from './suggest.js';

/** The kinds of registries the kernel holds. */
export type RegistryKind = 'compilers' | 'adapters' | 'evaluators' | 'reporters' | 'benchmarks' | 'importers' | 'commands';

/** One registration: cheap metadata plus a lazy `load()` that imports the heavy module on first use. */
export interface RegistryEntry<TModule> {
  name: string;
  description: string;
  /** zod schema of the entry's config (adapter config, assertion config, reporter options). */
  configSchema?: z.ZodType;
  /** Import the implementation; called at most once, and only when something uses the entry. */
  load: () => Promise<TModule | { default: TModule }>;
}

/** A registry entry with the plugin that registered it. */
export type RegisteredEntry<TModule, TEntry extends RegistryEntry<TModule> = RegistryEntry<TModule>> = TEntry & {
  /** Name of the plugin (npm package name) that registered it. */
  plugin: string;
};

/** A keyed registry of lazy entries; misses become diagnostics that list what is installed. */
export class Registry<TModule, TEntry extends RegistryEntry<TModule> = RegistryEntry<TModule>> {
  readonly kind: RegistryKind;
  readonly #entries = new Map<string, RegisteredEntry<TModule, TEntry>>();
  readonly #loaded = new Map<string, Promise<TModule>>();

  constructor(kind: RegistryKind) {
    this.kind = kind;
  }

  /** Register an entry; a name already taken is an error naming both plugins. */
  register(entry: TEntry, plugin: string): void {
    const existing = this.#entries.get(entry.name);
    if (existing) {
      throw new AtpError(
        diagnostic(
          ErrorCodes.ATP_PLUGIN_DUPLICATE,
          `${singular(this.kind)} "${entry.name}" is registered by both "${existing.plugin}" and "${plugin}"`,
          { hint: `remove one of the two plugins from your config, or rename the ${singular(this.kind)} in one of them` },
        ),
      );
    }
    this.#entries.set(entry.name, { ...entry, plugin });
  }

  /** The entry registered under `name`. */
  get(name: string): RegisteredEntry<TModule, TEntry> | undefined {
    return this.#entries.get(name);
  }

  has(name: string): boolean {
    return this.#entries.has(name);
  }

  /** Registered names, sorted. */
  names(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /** All entries, sorted by name. */
  list(): Array<RegisteredEntry<TModule, TEntry>> {
    return this.names().map((n) => this.#entries.get(n)!);
  }

  /** The message for an unknown name: the nearest installed name and the full list. */
  unknownMessage(name: string): { message: string; hint: string } {
    const names = this.names();
    const near = nearest(name, names);
    const what = singular(this.kind);
    return {
      message: `unknown ${what} "${name}"${near ? ` — did you mean "${near}"?` : ''}`,
      hint: names.length ? `installed ${this.kind}: ${names.join(', ')}` : `no ${this.kind} are installed: add a plugin that provides one to your config`,
    };
  }

  /** Load (once) and return the module of `name`; failures name the plugin that registered it. */
  async load(name: string): Promise<TModule> {
    const entry = this.#entries.get(name);
    if (!entry) {
      const { message, hint } = this.unknownMessage(name);
      throw new AtpError(diagnostic(kindCode(this.kind), message, { hint }));
    }
    let pending = this.#loaded.get(name);
    if (!pending) {
      pending = entry.load().then(
        (mod) => unwrapDefault(mod),
        (cause: unknown) => {
          this.#loaded.delete(name);
          throw loadError(entry, this.kind, cause);
        },
      );
      this.#loaded.set(name, pending);
    }
    return pending;
  }
}

function unwrapDefault<T>(mod: T | { default: T }): T {
  // `export default {...}` modules (commands) and `{ default: mod }` from load() both unwrap; modules with
  // named exports only (createAdapter…) are used as they are.
  const d = mod && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : undefined;
  if (d && typeof d === 'object') return d as T;
  return mod as T;
}

function loadError(entry: { name: string; plugin: string }, kind: RegistryKind, cause: unknown): AtpError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(reason);
  const hint = missing
    ? `install the missing dependency: npm install ${missing[1]!.startsWith('.') || missing[1]!.startsWith('/') ? entry.plugin : packageOf(missing[1]!)}`
    : `the plugin "${entry.plugin}" could not load its ${singular(kind)} module; run with --debug for the stack trace`;
  return new AtpError(
    diagnostic(ErrorCodes.ATP_PLUGIN_LOAD, `${singular(kind)} "${entry.name}" from plugin "${entry.plugin}" failed to load: ${reason}`, { hint }),
    { cause },
  );
}

function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** `adapters` → `adapter`. */
export function singular(kind: RegistryKind): string {
  return kind.replace(/s$/, '');
}

function kindCode(kind: RegistryKind) {
  switch (kind) {
    case 'adapters':
      return ErrorCodes.ATP_UNKNOWN_ADAPTER;
    case 'evaluators':
      return ErrorCodes.ATP_UNKNOWN_EVALUATOR;
    case 'reporters':
      return ErrorCodes.ATP_REPORTER;
    case 'compilers':
      return ErrorCodes.ATP_NO_COMPILER;
    default:
      return ErrorCodes.ATP_USAGE;
  }
}
