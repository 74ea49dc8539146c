import { Kernel, definePlugin, type Plugin, type RegistryKind } from '@atp/kernel';
import type { z } from 'zod';

/** The registry entry under test: its name, config schema and lazily loaded module. */
export interface TargetEntry<TModule> {
  name: string;
  configSchema?: z.ZodType;
  load(): Promise<TModule>;
  kernel: Kernel;
}

const isPlugin = (value: unknown): value is Plugin =>
  typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string' && 'apiVersion' in value;

/**
 * Find the entry a test targets. A plugin is installed in a fresh kernel (so it is validated exactly as
 * ATP validates it) and `name` picks one of its `kind` registrations (optional when it has only one);
 * a bare module is wrapped in a plugin with `configSchema` as its schema.
 */
export async function resolveTarget<TModule>(
  kind: Exclude<RegistryKind, 'compilers' | 'commands'>,
  target: Plugin | TModule,
  name: string | undefined,
  configSchema: z.ZodType | undefined,
): Promise<TargetEntry<TModule>> {
  const what = kind.replace(/s$/, '');
  const kernel = new Kernel();
  if (isPlugin(target)) {
    await kernel.use(target, target.name);
  } else {
    const entry = { name: name ?? `${what}-under-test`, description: `the ${what} under test`, ...(configSchema ? { configSchema } : {}), load: async () => target as TModule };
    await kernel.use(definePlugin({ name: '@atp/testkit (module under test)', apiVersion: 1, [kind]: [entry] } as Plugin), 'testkit');
  }
  const registry = kernel.registries[kind];
  const names = registry.names();
  const chosen = name ?? (names.length === 1 ? names[0] : undefined);
  if (!chosen || !registry.has(chosen)) {
    const plugin = isPlugin(target) ? `plugin "${target.name}"` : 'the module';
    throw new TypeError(
      names.length === 0
        ? `${plugin} registers no ${kind}`
        : chosen
          ? `${plugin} registers no ${what} "${chosen}" (it registers: ${names.join(', ')})`
          : `${plugin} registers several ${kind} (${names.join(', ')}): name the one to test`,
    );
  }
  const entry = registry.get(chosen)!;
  return {
    name: chosen,
    ...(entry.configSchema ? { configSchema: entry.configSchema } : {}),
    load: () => registry.load(chosen) as Promise<TModule>,
    kernel,
  };
}

/** Parse a case's config with the entry's schema: the parsed config, or the joined issue messages. */
export function parseConfig(schema: z.ZodType | undefined, config: Record<string, unknown> | undefined): { ok: true; config: Record<string, unknown> } | { ok: false; message: string } {
  if (!schema) return { ok: true, config: config ?? {} };
  const result = schema.safeParse(config ?? {});
  if (result.success) return { ok: true, config: result.data as Record<string, unknown> };
  return { ok: false, message: result.error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ') };
}

/** Call `fn` once, on first use, and share its promise. */
export function lazy<T>(fn: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= fn());
}

/**
 * The describe title of a helper: `<kind> <name>`, where the name is the one given, else the plugin's only
 * entry of that kind, else the plugin's name.
 */
export function targetTitle(kind: 'evaluators' | 'adapters' | 'reporters', target: unknown, name: string | undefined): string {
  const what = kind.replace(/s$/, '');
  if (name) return `${what} ${name}`;
  if (isPlugin(target)) {
    const entries = target[kind];
    return `${what} ${entries?.length === 1 ? entries[0]!.name : target.name}`;
  }
  return `${what} under test`;
}
