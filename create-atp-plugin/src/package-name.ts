import { builtinModules } from 'node:module';
import { UsageError } from './usage-error.js';

/** Community ATP plugins are named `atp-plugin-<name>` or `@scope/atp-plugin-<name>`. */
export const PLUGIN_PREFIX = 'atp-plugin-';

const MAX_LENGTH = 214;
const SCOPED = /^@([^/]+)\/([^/]+)$/;

/** The character rules of npm names: no surrounding spaces, no leading "." or "_", lower case, URL-safe, none of ~'!()*. */
function characterProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) return ['the name cannot be empty'];
  if (name.trim() !== name) problems.push('the name cannot start or end with spaces');
  if (name.startsWith('.')) problems.push('the name cannot start with a period');
  if (name.startsWith('_')) problems.push('the name cannot start with an underscore');
  if (name.toLowerCase() !== name) problems.push('the name cannot contain capital letters');
  const scoped = SCOPED.exec(name);
  const last = scoped ? scoped[2]! : name;
  if (/[~'!()*]/.test(last)) problems.push(`the name cannot contain any of ~'!()*`);
  const urlSafe = scoped ? encodeURIComponent(scoped[1]!) === scoped[1] && encodeURIComponent(scoped[2]!) === scoped[2] : encodeURIComponent(name) === name;
  if (!urlSafe) problems.push('the name can only contain URL-friendly characters (a-z, 0-9, "-", ".", "_", "~")');
  return problems;
}

/**
 * The reasons `name` cannot be the name of a new npm package (npm's rules: at most 214 characters, lower
 * case, URL-safe, no leading "." or "_", no surrounding spaces, none of ~'!()*, not a Node core module);
 * empty when it can.
 */
export function npmNameProblems(name: string): string[] {
  const problems = characterProblems(name);
  if (name.length > MAX_LENGTH) problems.push(`the name can be no longer than ${MAX_LENGTH} characters`);
  if (name === 'node_modules' || name === 'favicon.ico') problems.push(`"${name}" is not allowed as a name`);
  if (builtinModules.includes(name)) problems.push(`"${name}" is the name of a Node.js core module`);
  return problems;
}

/** A valid suggestion for an invalid name: lower case, spaces and other characters turned into "-". */
export function suggestName(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9-~._]+/g, '-')
    .replace(/^[._-]+/, '')
    .replace(/-+/g, '-')
    .replace(/-$/, '');
}

/** Normalise a scope to `@scope` (accepting `scope` or `@scope`), or throw a UsageError. */
export function normalizeScope(scope: string): string {
  const bare = scope.trim().replace(/^@/, '').replace(/\/$/, '');
  const problems = bare ? characterProblems(bare) : ['the scope cannot be empty'];
  if (bare.includes('/')) problems.push('the scope cannot contain "/"');
  if (problems.length) throw new UsageError(`invalid scope "${scope}": ${problems.join('; ')}`, 'a scope looks like @my-org');
  return `@${bare}`;
}

/**
 * The package name of a plugin: `my-plugin` → `atp-plugin-my-plugin`, `atp-plugin-x` stays as it is, and a
 * scope (given as `--scope @me` or in the name `@me/my-plugin`) gives `@me/atp-plugin-my-plugin`.
 * Throws a UsageError naming every rule the name breaks, with a valid suggestion.
 */
export function pluginPackageName(input: string, scope?: string): string {
  let name = input.trim();
  let nameScope: string | undefined;
  const scoped = SCOPED.exec(name);
  if (scoped) {
    nameScope = normalizeScope(scoped[1]!);
    name = scoped[2]!;
  } else if (name.includes('/')) {
    throw new UsageError(`invalid plugin name "${input}": a name contains "/" only after a scope (@scope/name)`);
  }
  const flagScope = scope === undefined || scope === '' ? undefined : normalizeScope(scope);
  if (nameScope && flagScope && nameScope !== flagScope) throw new UsageError(`the name "${input}" has the scope ${nameScope} but --scope is ${flagScope}`, 'give the scope once');
  const finalScope = nameScope ?? flagScope;
  const bare = name.startsWith(PLUGIN_PREFIX) ? name.slice(PLUGIN_PREFIX.length) : name;
  const problems = bare ? characterProblems(bare) : [`the name needs something after "${PLUGIN_PREFIX}"`];
  const full = `${finalScope ? `${finalScope}/` : ''}${PLUGIN_PREFIX}${bare}`;
  if (!problems.length) problems.push(...npmNameProblems(full));
  if (problems.length) {
    const suggestion = suggestName(bare);
    throw new UsageError(`invalid plugin name "${input}": ${[...new Set(problems)].join('; ')}`, suggestion && !npmNameProblems(suggestion).length ? `try "${suggestion}"` : 'use lower-case letters, digits and "-"');
  }
  return full;
}

/** The package name without its scope (`@me/atp-plugin-x` → `atp-plugin-x`): the default directory. */
export function unscoped(packageName: string): string {
  return SCOPED.exec(packageName)?.[2] ?? packageName;
}
