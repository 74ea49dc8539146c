import type { z } from 'zod';

/** The parts of zod 4's internal definition that we walk (also works for schemas from another zod 4 copy). */
interface Def {
  type?: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
}

function defOf(schema: unknown): Def | undefined {
  return (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;
}

/** Unwrap optional/nullable/default/pipe/lazy wrappers down to the schemas that describe a value. */
function unwrap(schema: z.ZodType | undefined, depth = 0): z.ZodType[] {
  const def = defOf(schema);
  if (!schema || !def || depth > 32) return [];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return unwrap(def.innerType, depth + 1);
    case 'pipe':
      return unwrap(def.in, depth + 1);
    case 'lazy':
      return def.getter ? unwrap(def.getter(), depth + 1) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
    case 'intersection':
      return [...unwrap(def.left, depth + 1), ...unwrap(def.right, depth + 1)];
    default:
      return [schema];
  }
}

function child(schema: z.ZodType, segment: string | number): z.ZodType[] {
  const def = defOf(schema);
  if (!def) return [];
  if (def.type === 'object' && typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment)) return [def.shape[segment]!];
  if (def.type === 'array' && def.element) return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  if (def.type === 'tuple' && typeof segment === 'number' && def.items?.[segment]) return [def.items[segment]];
  return [];
}

/** The keys an object schema at `path` (relative to `schema`) knows, for "did you mean" and hints. */
export function knownKeys(schema: z.ZodType | undefined, path: ReadonlyArray<PropertyKey>): string[] {
  let current = unwrap(schema);
  for (const segment of path) {
    if (typeof segment === 'symbol') return [];
    current = current.flatMap((s) => child(s, segment)).flatMap((s) => unwrap(s));
  }
  const keys = new Set<string>();
  for (const s of current) {
    const def = defOf(s);
    if (def?.type === 'object' && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}

/**
 * Keys of `data` that an object schema would silently drop (zod's default "strip" mode):
 * plugins that did not make their config strict still get their typos reported.
 */
export function strippedKeys(schema: z.ZodType, data: unknown): string[] {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const objects = unwrap(schema);
  if (objects.length !== 1) return [];
  const def = defOf(objects[0]) as (Def & { catchall?: unknown }) | undefined;
  if (def?.type !== 'object' || !def.shape || def.catchall !== undefined) return [];
  return Object.keys(data).filter((k) => !Object.hasOwn(def.shape!, k));
}
