import type { RegistryEntry } from './registry.js';
import type {
  AdapterModule,
  BenchmarkModule,
  CommandModule,
  CompilerModule,
  EvaluatorModule,
  ImporterModule,
  Logger,
  ReporterModule,
} from './contracts.js';
import type { TapOnlyHooks } from './hooks.js';
import type { ResolvedConfig } from './config/types.js';
import { AtpError, diagnostic } from './diagnostics.js';
import { ErrorCodes } from './codes.js';

/** The plugin API version this kernel implements. Plugins declare the version they target. */
export const PLUGIN_API_VERSION = 1;

/** A compiler registration: the file extensions it claims (`.yaml`). */
export interface CompilerEntry extends RegistryEntry<CompilerModule> {
  extensions: string[];
}

/** An adapter registration. */
export type AdapterEntry = RegistryEntry<AdapterModule>;

/** An evaluator registration: one per assertion type. */
export interface EvaluatorEntry extends RegistryEntry<EvaluatorModule> {
  /** The evaluator family this assertion type belongs to (`artifact` for `contains`), used in reports. */
  evaluator?: string;
}

/** A reporter registration; `extension` names the file suffix for `--output-dir`. */
export interface ReporterEntry extends RegistryEntry<ReporterModule> {
  extension?: string;
}

/** A benchmark loader registration. */
export type BenchmarkEntry = RegistryEntry<BenchmarkModule>;

/** A trace importer registration. */
export type ImporterEntry = RegistryEntry<ImporterModule>;

/** A CLI command registration; the module is imported only when the command runs. */
export interface CommandEntry extends RegistryEntry<CommandModule> {
  /** One-line usage shown by `atp --help` (`test SUITE...`). */
  usage?: string;
}

/** What a plugin's `setup` receives. */
export interface PluginApi {
  /** Tap-only hooks; every tap is named after the plugin. */
  hooks: TapOnlyHooks;
  config: ResolvedConfig;
  /** The options given in the config (`[name, options]`). */
  options: Record<string, unknown>;
  logger: Logger;
}

/** A plugin: registrations and an optional setup that taps hooks. */
export interface Plugin {
  /** The npm package name (`@atp/adapter-http`, `atp-plugin-foo`). */
  name: string;
  /** The plugin API version targeted; must equal PLUGIN_API_VERSION. */
  apiVersion: number;
  version?: string;
  description?: string;
  compilers?: CompilerEntry[];
  adapters?: AdapterEntry[];
  evaluators?: EvaluatorEntry[];
  reporters?: ReporterEntry[];
  benchmarks?: BenchmarkEntry[];
  importers?: ImporterEntry[];
  commands?: CommandEntry[];
  /** Plugins this one bundles (presets). */
  plugins?: PluginSpec[];
  setup?(api: PluginApi): void | Promise<void>;
}

/** A plugin module may export a plugin or a factory taking the options of `[name, options]`. */
export type PluginFactory = (options: Record<string, unknown>) => Plugin | Promise<Plugin>;

/** How a config lists a plugin: a package name or path, `[name, options]`, or a plugin object. */
export type PluginSpec = string | [string, Record<string, unknown>] | Plugin;

/** Define a plugin (identity, for types and editor help). */
export function definePlugin<T extends Plugin>(plugin: T): T {
  return plugin;
}

export const REGISTRY_KEYS = ['compilers', 'adapters', 'evaluators', 'reporters', 'benchmarks', 'importers', 'commands'] as const;

/** Validate a plugin object's shape; throws an AtpError naming `source` on the first problem. */
export function validatePlugin(value: unknown, source: string): Plugin {
  const fail = (message: string, hint?: string): never => {
    throw new AtpError(diagnostic(ErrorCodes.ATP_PLUGIN_INVALID, `invalid plugin from "${source}": ${message}`, hint ? { hint } : {}));
  };
  if (!value || typeof value !== 'object') fail(`expected a plugin object (definePlugin({...})) but got ${value === null ? 'null' : typeof value}`);
  const p = value as Record<string, unknown>;
  if (typeof p.name !== 'string' || p.name.length === 0) fail('"name" must be a non-empty string (the npm package name)');
  if (p.apiVersion !== PLUGIN_API_VERSION) {
    fail(
      `it targets plugin API version ${JSON.stringify(p.apiVersion)} but this ATP kernel implements version ${PLUGIN_API_VERSION}`,
      typeof p.apiVersion === 'number' && p.apiVersion > PLUGIN_API_VERSION ? 'upgrade @atp/kernel' : 'upgrade the plugin, or set apiVersion: 1',
    );
  }
  for (const key of REGISTRY_KEYS) {
    const list = p[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`"${key}" must be an array`);
    (list as unknown[]).forEach((entry, i) => {
      if (!entry || typeof entry !== 'object') fail(`${key}[${i}] must be an object`);
      const e = entry as Record<string, unknown>;
      if (typeof e.name !== 'string' || !e.name) fail(`${key}[${i}].name must be a non-empty string`);
      if (typeof e.load !== 'function') fail(`${key}[${i}] ("${String(e.name)}") needs a load() function returning its module`);
      if (typeof e.description !== 'string') fail(`${key}[${i}] ("${String(e.name)}") needs a description`);
      if (e.configSchema !== undefined && (typeof e.configSchema !== 'object' || typeof (e.configSchema as { safeParse?: unknown }).safeParse !== 'function')) {
        fail(`${key}[${i}].configSchema must be a zod schema`);
      }
      if (key === 'compilers' && !Array.isArray(e.extensions)) fail(`compilers[${i}].extensions must be an array like [".yaml"]`);
    });
  }
  if (p.setup !== undefined && typeof p.setup !== 'function') fail('"setup" must be a function');
  if (p.plugins !== undefined && !Array.isArray(p.plugins)) fail('"plugins" must be an array');
  return p as unknown as Plugin;
}
