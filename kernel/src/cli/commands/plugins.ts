import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Document as YamlDocument } from 'yaml';
import type { CommandContext, CommandModule } from '../../contracts.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { PLUGIN_API_VERSION, REGISTRY_KEYS, type Plugin, type PluginSpec } from '../../plugin.js';
import type { RegistryEntry, RegistryKind } from '../../registry.js';
import { singular } from '../../registry.js';
import { nearest } from '../../suggest.js';
import { readConfigFile, validateConfig } from '../../config/load-config.js';
import { DEFAULT_PRESET, importPlugin, pluginBaseDir, resolvePluginPath } from '../../config/load-plugins.js';
import type { Kernel } from '../../kernel.js';

const KINDS: Record<string, RegistryKind> = {
  compiler: 'compilers', adapter: 'adapters', evaluator: 'evaluators', reporter: 'reporters',
  benchmark: 'benchmarks', importer: 'importers', command: 'commands',
};

const usage = (message: string, hint?: string): AtpError => new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });

// ─── Version compatibility: a small semver range check (npm's range grammar, no dependency) ──────────────

/** A parsed semantic version. */
export interface SemVer {
  major: number;
  minor: number;
  patch: number;
  prerelease: Array<string | number>;
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parse `1.2.3`, `v1.2.3-beta.1+build`; undefined when it is not a version. */
export function parseVersion(text: string): SemVer | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [] };
}

/** Compare two versions by semver precedence: negative, 0 or positive. */
export function compareVersions(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core) return core;
  if (!a.prerelease.length || !b.prerelease.length) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: SemVer;
}

const v = (major: number, minor: number, patch: number, prerelease: Array<string | number> = []): SemVer => ({ major, minor, patch, prerelease });
const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** A version with x-ranges: the numbers given (undefined where `x`, `*` or missing). */
function parsePartial(text: string): { major?: number; minor?: number; patch?: number; prerelease: Array<string | number> } | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const num = (s: string | undefined): number | undefined => (s === undefined || /^[xX*]$/.test(s) ? undefined : Number(s));
  const major = num(m[1]);
  const minor = major === undefined ? undefined : num(m[2]);
  const patch = minor === undefined ? undefined : num(m[3]);
  const prerelease = patch !== undefined && m[4] ? m[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];
  return { ...(major !== undefined ? { major } : {}), ...(minor !== undefined ? { minor } : {}), ...(patch !== undefined ? { patch } : {}), prerelease };
}

/** One range term (`^1.2`, `>=1.2.3`, `1.x`, `~0.2.3`) as comparators; undefined when it cannot be parsed. */
function termComparators(term: string): Comparator[] | undefined {
  const m = /^(\^|~>?|<=|>=|<|>|=)?(.*)$/.exec(term)!;
  const op = m[1] ?? '';
  const p = parsePartial(m[2]!);
  if (!p) return undefined;
  const { major: M, minor: m2, patch: pt, prerelease: pre } = p;
  if (M === undefined) return op === '<' || op === '>' ? [{ op: '<', version: v(0, 0, 0, [0]) }] : [];
  const lower = v(M, m2 ?? 0, pt ?? 0, pre);
  const nextMajor = v(M + 1, 0, 0, [0]);
  const nextMinor = v(M, (m2 ?? 0) + 1, 0, [0]);
  switch (op) {
    case '^':
      if (M > 0 || m2 === undefined) return [{ op: '>=', version: lower }, { op: '<', version: nextMajor }];
      if (m2 > 0 || pt === undefined) return [{ op: '>=', version: lower }, { op: '<', version: nextMinor }];
      return [{ op: '>=', version: lower }, { op: '<', version: v(0, 0, pt + 1, [0]) }];
    case '~':
    case '~>':
      return [{ op: '>=', version: lower }, { op: '<', version: m2 === undefined ? nextMajor : nextMinor }];
    case '>':
      if (pt !== undefined) return [{ op: '>', version: lower }];
      return [{ op: '>=', version: m2 === undefined ? v(M + 1, 0, 0) : v(M, m2 + 1, 0) }];
    case '>=':
      return [{ op: '>=', version: lower }];
    case '<':
      return [{ op: '<', version: pt !== undefined ? lower : v(M, m2 ?? 0, 0, [0]) }];
    case '<=':
      if (pt !== undefined) return [{ op: '<=', version: lower }];
      return [{ op: '<', version: m2 === undefined ? nextMajor : nextMinor }];
    default:
      if (pt !== undefined) return [{ op: '=', version: lower }];
      return [{ op: '>=', version: lower }, { op: '<', version: m2 === undefined ? nextMajor : nextMinor }];
  }
}

/** One `||` alternative (space-separated terms, or a hyphen range) as comparators. */
function setComparators(text: string): Comparator[] | undefined {
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(text);
  if (hyphen) {
    const from = termComparators(`>=${hyphen[1]}`);
    const to = parsePartial(hyphen[2]!);
    if (!from || !to) return undefined;
    const upper = to.major === undefined ? [] : termComparators(`<=${hyphen[2]}`);
    return upper ? [...from, ...upper] : undefined;
  }
  const terms = text.replace(/(<=|>=|<|>|=|\^|~>?)\s+/g, '$1').split(/\s+/).filter(Boolean);
  const out: Comparator[] = [];
  for (const term of terms) {
    const c = termComparators(term);
    if (!c) return undefined;
    out.push(...c);
  }
  return out;
}

function test(c: Comparator, version: SemVer): boolean {
  const d = compareVersions(version, c.version);
  return c.op === '<' ? d < 0 : c.op === '<=' ? d <= 0 : c.op === '>' ? d > 0 : c.op === '>=' ? d >= 0 : d === 0;
}

/**
 * Whether `version` satisfies the npm range (`^0.1.0`, `>=1.2 <2`, `1.x || 2.x`, `1.2.3 - 2`, `*`); as npm,
 * a prerelease only matches a range naming a prerelease of the same major.minor.patch. Undefined when the
 * version or the range cannot be parsed (a `workspace:` or `file:` range, a tag).
 */
export function satisfiesRange(version: string, range: string): boolean | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const sets = range.trim() === '' ? [[]] : range.split('||').map((s) => setComparators(s.trim()));
  if (sets.some((s) => s === undefined)) return undefined;
  return (sets as Comparator[][]).some((set) => {
    if (!set.every((c) => test(c, parsed))) return false;
    if (!parsed.prerelease.length) return true;
    return set.some((c) => c.version.prerelease.length > 0 && !(c.version.prerelease.length === 1 && c.version.prerelease[0] === 0 && c.op === '<') && c.version.major === parsed.major && c.version.minor === parsed.minor && c.version.patch === parsed.patch);
  });
}

// ─── Where a plugin comes from: its package.json and its kernel peer range ──────────────────────────────

/** The kernel's own version (from its package.json). */
export function kernelVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

interface PluginManifest {
  file: string;
  name?: string;
  version?: string;
  kernelRange?: string;
}

const isPathSpec = (spec: string): boolean => spec.startsWith('.') || isAbsolute(spec);

/** The package.json of a plugin: found by walking up from its resolved entry file. */
export function findPluginManifest(spec: string, pluginName: string, fromDirs: readonly string[]): PluginManifest | undefined {
  for (const fromDir of fromDirs) {
    const entry = resolvePluginPath(spec, fromDir) ?? resolvePluginPath(pluginName, fromDir);
    if (!entry) continue;
    for (let dir = dirname(entry); ; dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        try {
          const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string; peerDependencies?: Record<string, string>; dependencies?: Record<string, string> };
          if (pkg.name && (isPathSpec(spec) || pkg.name === spec || pkg.name === pluginName)) {
            const kernelRange = pkg.peerDependencies?.['@atp/kernel'] ?? pkg.dependencies?.['@atp/kernel'];
            return { file, name: pkg.name, ...(pkg.version ? { version: pkg.version } : {}), ...(kernelRange ? { kernelRange } : {}) };
          }
        } catch {
          // an unreadable package.json is not the plugin's: keep walking up
        }
      }
      if (dirname(dir) === dir || basename(dir) === 'node_modules') break;
    }
  }
  return undefined;
}

/** How a plugin fits this kernel. */
export interface Compatibility {
  compatible: boolean;
  apiVersion: { plugin: unknown; kernel: number; compatible: boolean };
  kernelPeer: { range: string | null; kernel: string; satisfied: boolean | null; packageJson: string | null };
}

/** Check a plugin's apiVersion and its @atp/kernel peer range against this kernel. */
export function compatibility(apiVersion: unknown, manifest: PluginManifest | undefined, kernel = kernelVersion()): Compatibility {
  const range = manifest?.kernelRange ?? null;
  const satisfied = range === null ? null : (satisfiesRange(kernel, range) ?? null);
  const apiOk = apiVersion === PLUGIN_API_VERSION;
  return {
    compatible: apiOk && satisfied !== false,
    apiVersion: { plugin: apiVersion, kernel: PLUGIN_API_VERSION, compatible: apiOk },
    kernelPeer: { range, kernel, satisfied, packageJson: manifest?.file ?? null },
  };
}

// ─── Editing the plugin list of a config file ────────────────────────────────────────────────────────────

/** What to do to a `plugins` list: add a name (creating the list as `seed` when there is none), or remove entries. */
export type PluginListEdit = { kind: 'add'; name: string; seed: string[] } | { kind: 'remove'; names: string[] };

/** Whether a list entry (`'name'` or `['name', {...}]`) is one of `names`. */
const entryIs = (entry: unknown, names: readonly string[]): boolean =>
  (typeof entry === 'string' && names.includes(entry)) || (Array.isArray(entry) && typeof entry[0] === 'string' && names.includes(entry[0]));

function detectIndent(text: string): string | number {
  return /^([ \t]+)\S/m.exec(text)?.[1] ?? 2;
}

/** Edit the `plugins` list at `keyPath` of a JSON document, keeping its indentation and final newline. */
export function editJsonPlugins(text: string, keyPath: readonly string[], edit: PluginListEdit): string {
  const data = JSON.parse(text) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('the file does not hold a JSON object');
  let holder = data as Record<string, unknown>;
  for (const key of keyPath.slice(0, -1)) {
    const next = holder[key];
    if (!next || typeof next !== 'object' || Array.isArray(next)) throw new Error(`"${key}" is not an object`);
    holder = next as Record<string, unknown>;
  }
  const key = keyPath[keyPath.length - 1]!;
  const list = holder[key];
  if (list === undefined) {
    if (edit.kind === 'remove') return text;
    // A new list goes first: it is what users look for.
    const rest = { ...holder };
    for (const k of Object.keys(holder)) delete holder[k];
    Object.assign(holder, { [key]: edit.seed }, rest);
  } else if (!Array.isArray(list)) {
    throw new Error(`"${keyPath.join('.')}" is not a list`);
  } else if (edit.kind === 'add') {
    if (!list.some((e) => entryIs(e, [edit.name]))) list.push(edit.name);
  } else {
    holder[key] = list.filter((e) => !entryIs(e, edit.names));
  }
  return `${JSON.stringify(data, null, detectIndent(text))}${text.endsWith('\n') ? '\n' : ''}`;
}

/** Edit the `plugins` list of a YAML config with the `yaml` Document API, so comments and layout stay. */
export async function editYamlPlugins(text: string, edit: PluginListEdit): Promise<string> {
  const yaml = await import('yaml');
  const parsed = yaml.parseDocument(text);
  if (parsed.errors.length) throw new Error(`the file is not valid YAML: ${parsed.errors[0]!.message.split('\n')[0]}`);
  // Edited nodes are no longer "parsed" nodes (they have no source range): work on the plain document type.
  const doc = parsed as unknown as YamlDocument;
  if (doc.contents === null || (yaml.isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  const root = doc.contents;
  if (!yaml.isMap(root)) throw new Error('the file does not hold a YAML mapping');
  const node = root.get('plugins', true);
  const matches = (item: unknown, names: readonly string[]): boolean =>
    (yaml.isScalar(item) && typeof item.value === 'string' && names.includes(item.value)) ||
    (yaml.isSeq(item) && yaml.isScalar(item.items[0]) && typeof item.items[0].value === 'string' && names.includes(item.items[0].value));
  if (node === undefined || (yaml.isScalar(node) && node.value === null)) {
    if (edit.kind === 'remove') return text;
    if (node === undefined) {
      const pair = doc.createPair('plugins', edit.seed);
      // A comment above the first key describes the file: keep it above the new first key.
      const first = root.items[0];
      if (first && yaml.isScalar(first.key) && first.key.commentBefore && yaml.isScalar(pair.key)) {
        pair.key.commentBefore = first.key.commentBefore;
        first.key.commentBefore = undefined;
      }
      root.items.unshift(pair);
    }
    else root.set('plugins', doc.createNode(edit.seed));
  } else if (!yaml.isSeq(node)) {
    throw new Error('"plugins" is not a list');
  } else if (edit.kind === 'add') {
    if (!node.items.some((item) => matches(item, [edit.name]))) node.add(doc.createNode(edit.name));
  } else {
    node.items = node.items.filter((item) => !matches(item, edit.names));
  }
  return doc.toString();
}

interface Literal {
  value: string;
  start: number;
  end: number;
}

/** Skip a string or template literal starting at `i`; returns the index after it. */
function skipString(text: string, i: number): number {
  const quote = text[i]!;
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === quote) return j + 1;
    else if (quote !== '`' && text[j] === '\n') return j;
  }
  return text.length;
}

/** Skip whitespace and comments from `i`. */
function skipBlank(text: string, i: number): number {
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else return i;
  }
}

/** The code positions of `text` (outside strings and comments) where `re` matches, with the match. */
function codeMatches(text: string, re: RegExp): Array<{ index: number; match: RegExpExecArray }> {
  const out: Array<{ index: number; match: RegExpExecArray }> = [];
  const sticky = new RegExp(re.source, 'y');
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const quoted = new RegExp(re.source, 'y');
      quoted.lastIndex = i;
      const m = quoted.exec(text);
      if (m) out.push({ index: i, match: m });
      i = skipString(text, i);
      continue;
    }
    if (text.startsWith('//', i) || text.startsWith('/*', i)) {
      i = skipBlank(text, i);
      continue;
    }
    sticky.lastIndex = i;
    const m = sticky.exec(text);
    if (m && (i === 0 || !/[\w$.]/.test(text[i - 1]!))) out.push({ index: i, match: m });
    i++;
  }
  return out;
}

/** The string elements of the array literal opening at `open`, or undefined when it holds anything else. */
function plainStringArray(text: string, open: number): { elements: Literal[]; close: number; comments: boolean } | undefined {
  const elements: Literal[] = [];
  let comments = false;
  let i = open + 1;
  for (;;) {
    const before = i;
    i = skipBlank(text, i);
    if (/\/[/*]/.test(text.slice(before, i))) comments = true;
    if (text[i] === ']') return { elements, close: i, comments };
    const quote = text[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') return undefined;
    const end = skipString(text, i);
    const body = text.slice(i + 1, end - 1);
    if (text[end - 1] !== quote || body.includes('\\') || body.includes('${') || body.includes('\n')) return undefined;
    elements.push({ value: body, start: i, end });
    i = skipBlank(text, end);
    if (/\/[/*]/.test(text.slice(end, i))) comments = true;
    if (text[i] === ',') i++;
    else if (text[i] !== ']') return undefined;
  }
}

/**
 * Edit the `plugins` array of a JavaScript/TypeScript config as text, only when it is a plain array literal
 * of strings (`plugins: ['a', 'b']`); a config without `plugins` gets one in its `defineConfig({`/
 * `export default {` object. Anything else (a variable, a spread, `[name, options]`, several `plugins`
 * keys) returns `manual`: the config is code we must not guess about.
 */
export function editModulePlugins(text: string, edit: PluginListEdit): { text: string } | { manual: string } {
  const quote = (text.match(/"/g)?.length ?? 0) > (text.match(/'/g)?.length ?? 0) ? '"' : "'";
  const lit = (s: string): string => `${quote}${s}${quote}`;
  const keys = codeMatches(text, /(?:plugins|'plugins'|"plugins")\s*:/);
  if (keys.length > 1) return { manual: 'the config has several "plugins" keys' };
  if (keys.length === 0) {
    if (codeMatches(text, /plugins\b/).length) return { manual: 'the config sets "plugins" from a variable' };
    if (edit.kind === 'remove') return { text };
    const object = codeMatches(text, /(?:defineConfig\s*\(|export\s+default)\s*\{/);
    if (object.length !== 1) return { manual: 'the config has no plugins list and its exported object was not found' };
    const brace = object[0]!.index + object[0]!.match[0].length;
    const newline = /^[ \t]*\r?\n/.exec(text.slice(brace));
    const items = `[${edit.seed.map(lit).join(', ')}]`;
    if (newline) {
      const nextLine = /^([ \t]*)\S/m.exec(text.slice(brace + newline[0].length));
      const indent = nextLine?.[1] || '  ';
      return { text: `${text.slice(0, brace)}\n${indent}plugins: ${items},${text.slice(brace)}` };
    }
    const empty = /^\s*\}/.test(text.slice(brace));
    return { text: `${text.slice(0, brace)} plugins: ${items}${empty ? ' ' : ','}${text.slice(brace)}` };
  }
  const key = keys[0]!;
  const open = skipBlank(text, key.index + key.match[0].length);
  if (text[open] !== '[') return { manual: 'the plugins list is not an array literal' };
  const array = plainStringArray(text, open);
  if (!array) return { manual: 'the plugins list holds more than plain strings' };
  const { elements, close } = array;
  const multiline = text.slice(open, close).includes('\n') && elements.length > 0;
  if (edit.kind === 'add') {
    if (elements.some((e) => e.value === edit.name)) return { text };
    if (!multiline) {
      if (array.comments) return { manual: 'the plugins list has comments on one line' };
      return { text: `${text.slice(0, open)}[${[...elements.map((e) => text.slice(e.start, e.end)), lit(edit.name)].join(', ')}]${text.slice(close + 1)}` };
    }
    const last = elements[elements.length - 1]!;
    const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', last.start) + 1, last.start))![0];
    const afterLast = skipBlank(text, last.end);
    if (text[afterLast] === ',') return { text: `${text.slice(0, afterLast + 1)}\n${indent}${lit(edit.name)},${text.slice(afterLast + 1)}` };
    return { text: `${text.slice(0, last.end)},\n${indent}${lit(edit.name)}${text.slice(last.end)}` };
  }
  const removed = elements.filter((e) => edit.names.includes(e.value));
  if (!removed.length) return { text };
  if (!multiline) {
    if (array.comments) return { manual: 'the plugins list has comments on one line' };
    return { text: `${text.slice(0, open)}[${elements.filter((e) => !removed.includes(e)).map((e) => text.slice(e.start, e.end)).join(', ')}]${text.slice(close + 1)}` };
  }
  let out = text;
  for (const e of [...removed].reverse()) {
    const lineStart = out.lastIndexOf('\n', e.start) + 1;
    const lineEnd = out.indexOf('\n', e.end) === -1 ? out.length : out.indexOf('\n', e.end);
    const alone = out.slice(lineStart, e.start).trim() === '' && /^\s*,?\s*(\/\/.*)?$/.test(out.slice(e.end, lineEnd));
    if (alone) out = out.slice(0, lineStart) + out.slice(lineEnd + 1);
    else {
      const comma = /^\s*,/.exec(out.slice(e.end));
      out = out.slice(0, e.start) + out.slice(e.end + (comma ? comma[0].length : 0)).replace(/^[ \t]+/, '');
    }
  }
  return { text: out };
}

/** The plugins a config file lists now (read fresh from disk: module configs with a cache-busting URL). */
async function listedPlugins(file: string): Promise<PluginSpec[] | undefined> {
  if (basename(file) === 'package.json') {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { atp?: unknown };
    return validateConfig(pkg.atp ?? {}, `${file}#atp`).plugins;
  }
  if (/\.(m?js|cjs)$/.test(file)) {
    const mod = (await import(`${pathToFileURL(file).href}?atp-plugins-edit=${Date.now()}`)) as { default?: unknown };
    const value = mod.default ?? mod;
    return validateConfig(typeof value === 'function' ? await (value as () => unknown)() : value, file).plugins;
  }
  return (await readConfigFile(file)).plugins;
}

const specName = (spec: PluginSpec): string | undefined => (typeof spec === 'string' ? spec : Array.isArray(spec) ? spec[0] : undefined);

/** Apply an edit to the config file on disk; returns instructions instead when it cannot be done safely. */
async function editConfigFile(file: string, edit: PluginListEdit): Promise<{ changed: boolean } | { manual: string }> {
  const original = readFileSync(file, 'utf8');
  let next: string;
  try {
    if (basename(file) === 'package.json') next = editJsonPlugins(original, ['atp', 'plugins'], edit);
    else if (file.endsWith('.json')) next = editJsonPlugins(original, ['plugins'], edit);
    else if (/\.ya?ml$/.test(file)) next = await editYamlPlugins(original, edit);
    else {
      const r = editModulePlugins(original, edit);
      if ('manual' in r) return r;
      next = r.text;
    }
  } catch (error) {
    return { manual: (error as Error).message };
  }
  if (next === original) return { changed: false };
  writeFileSync(file, next);
  // Check the result the way ATP reads it; a config we broke is put back as it was.
  let listed: PluginSpec[] | undefined;
  try {
    listed = await listedPlugins(file);
  } catch {
    listed = undefined;
  }
  const names = (listed ?? []).map(specName);
  const ok = listed !== undefined && (edit.kind === 'add' ? names.includes(edit.name) : !names.some((n) => n !== undefined && edit.names.includes(n)));
  if (!ok) {
    writeFileSync(file, original);
    return { manual: 'the edited config did not read back as expected, so it was left as it was' };
  }
  return { changed: true };
}

function manualMessage(file: string, cwd: string, reason: string, edit: PluginListEdit): string {
  const rel = relative(cwd, file) || file;
  const change =
    edit.kind === 'add'
      ? `add '${edit.name}' to the plugins list of ${rel}, e.g.\n\n  plugins: [${edit.seed.length > 1 ? `'${edit.seed[0]}', ` : '...existing plugins, '}'${edit.name}'],\n`
      : `remove ${edit.names.map((n) => `'${n}'`).join(' / ')} from the plugins list of ${rel}\n`;
  return `${rel}: ${reason}; it was not changed.\nEdit it by hand: ${change}`;
}

// ─── The subcommands ─────────────────────────────────────────────────────────────────────────────────────

/** The package that bundled a plugin, from its source `"<package> (via <preset>)"`; undefined for a top-level one. */
function bundledBy(source: string): string | undefined {
  return /^(.*?) \(via /.exec(source)?.[1];
}

function registrationsOf(kernel: Kernel, plugin: { registrations: Partial<Record<RegistryKind, string[]>> }): Record<string, Array<{ name: string; description: string; configSchema: unknown }>> {
  return Object.fromEntries(
    Object.entries(plugin.registrations).map(([kind, names]) => [
      kind,
      names!.map((n) => {
        const e = kernel.registries[kind as RegistryKind].get(n);
        return { name: n, description: e?.description ?? '', configSchema: jsonSchema(e) };
      }),
    ]),
  );
}

function jsonSchema(entry: RegistryEntry<unknown> | undefined): unknown {
  return entry?.configSchema ? z.toJSONSchema(entry.configSchema, { io: 'input', unrepresentable: 'any' }) : null;
}

function configFileShown(ctx: CommandContext): string {
  const file = ctx.kernel.config.configFile;
  return file ? relative(ctx.cwd, file) || file : 'no config file';
}

async function info(ctx: CommandContext): Promise<number> {
  const { args, options, kernel, stdout } = ctx;
  const name = args[1];
  if (!name) throw usage('atp plugins info needs a plugin name', 'atp plugins list shows the loaded plugins');
  const baseDir = pluginBaseDir(ctx.cwd, kernel.config.configFile);
  const loaded = kernel.plugins.find((p) => p.name === name || p.source === name);
  let view: { name: string; version: string | null; description: string | null; source: string; apiVersion: unknown; enabled: boolean; registrations: ReturnType<typeof registrationsOf> };
  let parentDirs: string[] = [];
  if (loaded) {
    view = { name: loaded.name, version: loaded.version ?? null, description: loaded.description ?? null, source: loaded.source, apiVersion: PLUGIN_API_VERSION, enabled: true, registrations: registrationsOf(kernel, loaded) };
    // A plugin bundled by a preset is a dependency of the preset: it resolves from the preset's folder.
    const top = bundledBy(loaded.source);
    const topEntry = top ? resolvePluginPath(top, baseDir) : undefined;
    if (topEntry) parentDirs = [dirname(topEntry)];
  } else {
    if (!resolvePluginPath(name, baseDir)) {
      const near = nearest(name, kernel.plugins.map((p) => p.name));
      throw new AtpError(
        diagnostic(ErrorCodes.ATP_PLUGIN_NOT_FOUND, `plugin "${name}" is neither loaded nor installed${near ? ` — did you mean "${near}"?` : ''}`, {
          hint: `atp plugins list shows the loaded plugins; install it with npm install --save-dev ${name}`,
        }),
        { exitCode: 2 },
      );
    }
    const { plugin } = await importPlugin(name, baseDir, {});
    const p = (plugin && typeof plugin === 'object' ? plugin : {}) as Partial<Plugin> & Record<string, unknown>;
    const registrations: ReturnType<typeof registrationsOf> = {};
    for (const kind of REGISTRY_KEYS) {
      const list = p[kind];
      if (Array.isArray(list) && list.length) {
        registrations[kind] = list.map((e: RegistryEntry<unknown>) => ({ name: String(e.name), description: String(e.description ?? ''), configSchema: jsonSchema(e) }));
      }
    }
    view = { name: typeof p.name === 'string' ? p.name : name, version: typeof p.version === 'string' ? p.version : null, description: typeof p.description === 'string' ? p.description : null, source: name, apiVersion: p.apiVersion, enabled: false, registrations };
  }
  const manifest = findPluginManifest(bundledBy(view.source) ? view.name : view.source, view.name, [baseDir, ...parentDirs]);
  const compat = compatibility(view.apiVersion, manifest);
  if (options.json) {
    stdout(`${JSON.stringify({ ...view, configFile: kernel.config.configFile ?? null, compatibility: compat }, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `${view.name}${view.version ? `@${view.version}` : ''}`,
    ...(view.description ? [view.description] : []),
    `source: ${view.source}`,
    view.enabled ? `enabled: yes (${configFileShown(ctx)})` : `enabled: no — enable it with: atp plugins enable ${name}`,
    '',
    `compatibility: ${compat.compatible ? 'compatible' : 'NOT compatible'}`,
    `  plugin API version: ${JSON.stringify(compat.apiVersion.plugin)} (this kernel implements ${compat.apiVersion.kernel})${compat.apiVersion.compatible ? '' : ' — mismatch'}`,
    `  @atp/kernel peer range: ${
      compat.kernelPeer.range === null
        ? `none declared${manifest ? ` in ${relative(ctx.cwd, manifest.file)}` : ' (no package.json found)'}`
        : `${compat.kernelPeer.range}, this kernel is ${compat.kernelPeer.kernel}: ${compat.kernelPeer.satisfied === null ? 'cannot check this range' : compat.kernelPeer.satisfied ? 'satisfied' : 'NOT satisfied'}`
    }`,
  ];
  stdout(`${lines.join('\n')}\n`);
  for (const [kind, list] of Object.entries(view.registrations)) {
    stdout(`\n${kind}:\n`);
    for (const r of list) {
      stdout(`  ${r.name}  ${r.description}\n`);
      const props = (r.configSchema as { properties?: Record<string, { type?: unknown; description?: string; default?: unknown }> } | null)?.properties;
      if (props) {
        for (const [k, p] of Object.entries(props)) {
          stdout(`      ${k}: ${Array.isArray(p.type) ? p.type.join('|') : (p.type ?? 'any')}${p.default !== undefined ? ` = ${JSON.stringify(p.default)}` : ''}${p.description ? ` — ${p.description}` : ''}\n`);
        }
      }
    }
  }
  return 0;
}

async function enable(ctx: CommandContext): Promise<number> {
  const { kernel, stdout, stderr } = ctx;
  const name = ctx.args[1];
  if (!name) throw usage('atp plugins enable needs a plugin name', 'atp plugins enable atp-plugin-foo (install it first: npm install --save-dev atp-plugin-foo)');
  const configFile = kernel.config.configFile;
  const baseDir = pluginBaseDir(ctx.cwd, configFile);
  const listed = kernel.config.plugins.map(specName);
  if (listed.includes(name)) {
    stdout(`${name} is already enabled in ${configFileShown(ctx)}\n`);
    return 0;
  }
  if (!resolvePluginPath(name, baseDir)) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_PLUGIN_NOT_FOUND, `plugin "${name}" is not installed (looked from ${baseDir})`, { hint: `install it first: npm install --save-dev ${name}` }), { exitCode: 2 });
  }
  // Load it into this kernel as ATP will: a broken plugin, a wrong apiVersion or a name clash with the
  // plugins already enabled fails here, before the config is touched.
  const { plugin, source } = await importPlugin(name, baseDir, {});
  const pluginName = plugin && typeof plugin === 'object' && typeof (plugin as { name?: unknown }).name === 'string' ? (plugin as { name: string }).name : undefined;
  const already = pluginName ? kernel.plugins.find((p) => p.name === pluginName) : undefined;
  if (already) {
    stdout(`${name} is already enabled (loaded from ${already.source})\n`);
    return 0;
  }
  await kernel.use(plugin, source);
  const loaded = kernel.plugins[kernel.plugins.length - 1]!;
  const what = Object.entries(loaded.registrations).flatMap(([kind, names]) => names!.map((n) => `${singular(kind as RegistryKind)} ${n}`));

  const presetAvailable = resolvePluginPath(DEFAULT_PRESET, ctx.cwd) !== undefined;
  // Without a plugins list ATP loads the default preset: keep it when the list is created.
  const seed = kernel.config.usingDefaultPreset && presetAvailable && name !== DEFAULT_PRESET ? [DEFAULT_PRESET, name] : [name];
  const edit: PluginListEdit = { kind: 'add', name, seed };
  let file = configFile;
  if (!file) {
    file = join(ctx.cwd, 'atp.config.json');
    writeFileSync(file, `${JSON.stringify({ plugins: seed }, null, 2)}\n`);
    stdout(`created ${relative(ctx.cwd, file)} with plugins: ${seed.join(', ')}${seed.length > 1 ? ` (${DEFAULT_PRESET} is what ATP used without a config)` : ''}\n`);
  } else {
    const result = await editConfigFile(file, edit);
    if ('manual' in result) {
      stderr(manualMessage(file, ctx.cwd, result.manual, edit));
      return 2;
    }
    stdout(`enabled ${name} in ${relative(ctx.cwd, file) || file}${seed.length > 1 ? ` (with ${DEFAULT_PRESET}, which ATP used while the config listed no plugins)` : ''}\n`);
  }
  if (what.length) stdout(`  registers: ${what.join(', ')}\n`);
  return 0;
}

async function disable(ctx: CommandContext): Promise<number> {
  const { kernel, stdout, stderr } = ctx;
  const name = ctx.args[1];
  if (!name) throw usage('atp plugins disable needs a plugin name', 'atp plugins list shows the loaded plugins');
  const file = kernel.config.configFile;
  const loaded = kernel.plugins.find((p) => p.name === name || p.source === name);
  if (!file || kernel.config.usingDefaultPreset) {
    throw usage(
      `${file ? `${relative(ctx.cwd, file)} lists no plugins` : 'there is no config file'}, so ATP loads ${DEFAULT_PRESET}; there is no list to remove "${name}" from`,
      `to leave out some of the preset's plugins, create a plugins list with the ones you want: atp plugins enable <plugin> starts one`,
    );
  }
  const listed = kernel.config.plugins.map(specName).filter((n): n is string => n !== undefined);
  // The list may name the plugin by path or package while the user gives its plugin name, or the reverse.
  const names = [name, ...(loaded && listed.includes(loaded.source) ? [loaded.source] : [])].filter((n) => listed.includes(n));
  if (!names.length) {
    const preset = loaded ? bundledBy(loaded.source) : undefined;
    if (preset) {
      throw usage(`"${name}" comes with ${preset}: it cannot be disabled on its own`, `replace ${preset} in the plugins list of ${relative(ctx.cwd, file)} by the plugins you want`);
    }
    const near = nearest(name, [...listed, ...kernel.plugins.map((p) => p.name)]);
    stdout(`${name} is not in the plugins list of ${relative(ctx.cwd, file) || file}; nothing to change${near ? ` (did you mean "${near}"?)` : ''}\n`);
    return 0;
  }
  const edit: PluginListEdit = { kind: 'remove', names };
  const result = await editConfigFile(file, edit);
  if ('manual' in result) {
    stderr(manualMessage(file, ctx.cwd, result.manual, edit));
    return 2;
  }
  stdout(`disabled ${name} in ${relative(ctx.cwd, file) || file}\n`);
  return 0;
}

function list(ctx: CommandContext): number {
  const { options, kernel, stdout } = ctx;
  const kindOpt = options.type as string | undefined;
  const kinds: RegistryKind[] = kindOpt ? [KINDS[kindOpt] ?? (kindOpt as RegistryKind)] : [...REGISTRY_KEYS];
  if (kindOpt && !REGISTRY_KEYS.includes(kinds[0]!)) {
    const near = nearest(kindOpt, Object.keys(KINDS));
    throw usage(`unknown --type "${kindOpt}"${near ? ` — did you mean "${near}"?` : ''}`, `kinds: ${Object.keys(KINDS).join(', ')}`);
  }
  const rows = kinds.flatMap((kind) => kernel.registries[kind].list().map((e) => ({ kind: singular(kind), name: e.name, description: e.description, plugin: e.plugin })));
  if (options.json) {
    stdout(JSON.stringify({ plugins: kernel.plugins.map((p) => ({ name: p.name, version: p.version ?? null, source: p.source })), registrations: rows }, null, 2) + '\n');
    return 0;
  }
  stdout(`Plugins (${kernel.plugins.length}):\n`);
  for (const p of kernel.plugins) stdout(`  ${p.name}${p.version ? `@${p.version}` : ''}${p.source !== p.name ? `  (${p.source})` : ''}\n`);
  for (const kind of kinds) {
    const rowsOfKind = rows.filter((r) => r.kind === singular(kind));
    if (!rowsOfKind.length) continue;
    const w = Math.max(...rowsOfKind.map((r) => r.name.length));
    stdout(`\n${kind[0]!.toUpperCase()}${kind.slice(1)}:\n`);
    for (const r of rowsOfKind) stdout(`  ${r.name.padEnd(w)}  ${r.description}  [${r.plugin}]\n`);
  }
  return 0;
}

/** `atp plugins list | info NAME | enable NAME | disable NAME`. */
const command: CommandModule = {
  usage: 'list [--type KIND] [--json] | info NAME [--json] | enable NAME | disable NAME',
  options: {
    type: { type: 'string', value: 'KIND', description: `only registrations of one kind: ${Object.keys(KINDS).join(', ')}` },
    json: { type: 'boolean', description: 'print as JSON (list, info)' },
  },
  async run(ctx) {
    const sub = ctx.args[0] ?? 'list';
    switch (sub) {
      case 'list':
        return list(ctx);
      case 'info':
        return info(ctx);
      case 'enable':
        return enable(ctx);
      case 'disable':
        return disable(ctx);
      default: {
        const near = nearest(sub, ['list', 'info', 'enable', 'disable']);
        throw usage(`unknown subcommand "plugins ${sub}"${near ? ` — did you mean "${near}"?` : ''}`, 'atp plugins list | info NAME | enable NAME | disable NAME');
      }
    }
  },
};
export default command;
