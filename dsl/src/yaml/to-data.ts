import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { ErrorCodes, Secret, diagnostic, isSensitiveName, type Diagnostic } from '@atp/kernel';
import { substitute } from '../substitute.js';
import { keyText, type Locator } from './locator.js';

/** A scalar that was exactly one `${NAME}`: its text may be converted to the type its field needs. */
export interface VariableBinding {
  name: string;
  /** The substituted text (undefined when the variable was missing). */
  text?: string;
  sensitive: boolean;
  node: Scalar;
}

/** Pure-variable scalars, keyed by their parent container and key in the data tree. */
export type VariableBindings = WeakMap<object, Map<string | number, VariableBinding>>;

/** The converted data plus what later passes need to know about it. */
export interface SuiteData {
  data: unknown;
  bindings: VariableBindings;
}

const MAX_DEPTH = 256;
/** Nodes an alias may expand to in total; stops "billion laughs" documents before validation walks them. */
const MAX_ALIAS_EXPANSION = 200_000;

/** Where secrets are made: inside `agents[].config`. */
type Zone = 'root' | 'agents' | 'agent' | 'secret' | 'plain';

interface Converted {
  value: unknown;
  binding?: VariableBinding;
}

/**
 * Convert the YAML tree to plain data in one pass, substituting `${VAR}` in string scalars.
 * Aliases convert once and share the result; recursive aliases and runaway expansion are diagnostics.
 */
export function toSuiteData(
  doc: Document,
  locator: Locator,
  env: Readonly<Record<string, string | undefined>>,
  file: string,
  diagnostics: Diagnostic[],
): SuiteData {
  const bindings: VariableBindings = new WeakMap();
  // Only anchored nodes can be reached twice; secrets differ by zone, so the zone is part of the key.
  const cache = new Map<Node, Converted>();
  const secretCache = new Map<Node, Converted>();
  const sizes = new Map<Node, number>();
  const active = new Set<Node>();
  let expanded = 0;
  let reportedExpansion = false;
  let reportedDepth = false;

  const report = (code: Parameters<typeof diagnostic>[0], message: string, node: Node, hint?: string): void => {
    diagnostics.push(diagnostic(code, message, { file, ...locator.nodeRange(node), ...(hint ? { hint } : {}) }));
  };

  const sizeOf = (node: Node | null | undefined, depth = 0): number => {
    if (!node || depth > MAX_DEPTH) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1);
    let size = 1;
    if (isAlias(node)) size = sizeOf(node.resolve(doc) as Node | undefined, depth + 1);
    else if (isMap(node)) for (const p of node.items) size += sizeOf(p.value as Node | null, depth + 1) + 1;
    else if (isSeq(node)) for (const item of node.items) size += sizeOf(item as Node | null, depth + 1);
    sizes.set(node, size);
    return size;
  };

  const scalar = (node: Scalar, zone: Zone): Converted => {
    const raw = node.value;
    if (typeof raw !== 'string') return { value: raw ?? null };
    const result = substitute(raw, env);
    if (!result) return { value: raw };
    let sensitive = false;
    const fragments: string[] = [];
    for (const use of result.uses) {
      if (use.missing) {
        diagnostics.push(
          diagnostic(ErrorCodes.ATP_MISSING_VARIABLE, `environment variable "${use.name}" is not set and has no default`, {
            file,
            ...locator.scalarSpan(node, raw, use.index, use.index + use.length),
            hint: `set it in the environment (export ${use.name}=…) or a .env file, or give a default: \${${use.name}:-value}`,
          }),
        );
      } else if (isSensitiveName(use.name)) {
        sensitive = true;
        if (use.text !== undefined) fragments.push(use.text);
      }
    }
    const value: unknown = zone === 'secret' && sensitive ? new Secret(result.value, fragments) : result.value;
    if (!result.pure) return { value };
    const use = result.uses[0]!;
    return {
      value,
      binding: { name: use.name, ...(use.missing ? {} : { text: result.value }), sensitive: isSensitiveName(use.name), node },
    };
  };

  const convert = (node: Node | null | undefined, zone: Zone, depth: number): Converted => {
    if (!node) return { value: null };
    if (depth > MAX_DEPTH) {
      if (!reportedDepth) report(ErrorCodes.ATP_SUITE_SCHEMA, `the suite is nested more than ${MAX_DEPTH} levels deep`, node);
      reportedDepth = true;
      return { value: null };
    }
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      if (!target) {
        report(ErrorCodes.ATP_YAML_SYNTAX, `unknown alias "*${node.source}": no anchor "&${node.source}" is defined before it`, node, 'define the anchor (&name) on a value earlier in the file');
        return { value: null };
      }
      if (active.has(target)) {
        report(ErrorCodes.ATP_YAML_SYNTAX, `alias "*${node.source}" refers to a node that contains it`, node, 'an alias cannot include itself');
        return { value: null };
      }
      expanded += sizeOf(target);
      if (expanded > MAX_ALIAS_EXPANSION) {
        if (!reportedExpansion) report(ErrorCodes.ATP_YAML_SYNTAX, 'aliases expand to too many nodes', node, `a suite may expand at most ${MAX_ALIAS_EXPANSION} nodes through aliases`);
        reportedExpansion = true;
        return { value: null };
      }
      return convert(target, zone, depth + 1);
    }
    const anchored = node.anchor !== undefined;
    const zoneCache = zone === 'secret' ? secretCache : cache;
    const cached = anchored ? zoneCache.get(node) : undefined;
    if (cached) return cached;
    let out: Converted;
    if (isScalar(node)) {
      out = scalar(node, zone);
    } else if (isMap(node)) {
      active.add(node);
      const obj: Record<string, unknown> = {};
      let vars: Map<string | number, VariableBinding> | undefined;
      for (const pair of node.items) {
        const key = keyText(pair.key);
        const childZone: Zone =
          zone === 'secret' ? 'secret' : zone === 'root' && key === 'agents' ? 'agents' : zone === 'agent' && key === 'config' ? 'secret' : 'plain';
        const child = convert(pair.value as Node | null, childZone, depth + 1);
        if (key === '__proto__') Object.defineProperty(obj, key, { value: child.value, enumerable: true, writable: true, configurable: true });
        else obj[key] = child.value;
        if (child.binding) (vars ??= new Map()).set(key, child.binding);
      }
      if (vars) bindings.set(obj, vars);
      active.delete(node);
      out = { value: obj };
    } else if (isSeq(node)) {
      active.add(node);
      const list: unknown[] = [];
      let vars: Map<string | number, VariableBinding> | undefined;
      const childZone: Zone = zone === 'agents' ? 'agent' : zone === 'secret' ? 'secret' : 'plain';
      for (const item of node.items) {
        const child = convert(item as Node | null, childZone, depth + 1);
        if (child.binding) (vars ??= new Map()).set(list.length, child.binding);
        list.push(child.value);
      }
      if (vars) bindings.set(list, vars);
      active.delete(node);
      out = { value: list };
    } else {
      out = { value: null };
    }
    if (anchored) zoneCache.set(node, out);
    return out;
  };

  return { data: convert(doc.contents as Node | null, 'root', 0).value, bindings };
}
