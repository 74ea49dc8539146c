import type { PluginSpec } from '../plugin.js';

/** An agent defined in the config: an adapter name plus that adapter's config. */
export interface AgentConfig {
  /** Adapter name (`http`, `cli`, …). `type` is accepted as an alias, as in ATP v1 configs. */
  adapter?: string;
  type?: string;
  config?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Run defaults a config (or `ATP_*` env, or flags) may set. */
export interface RunDefaults {
  runs_per_test?: number;
  parallel?: number;
  timeout_seconds?: number;
  /** Retries of retryable adapter errors. */
  retries?: number;
  fail_fast?: boolean;
  sandbox?: boolean;
  /** Where run journals go (default `.atp/runs`). */
  runs_dir?: string;
  /** Default reporters when `--output` is not given. */
  output?: string[];
}

/** What `atp.config.ts` (or .json/.yaml/package.json#atp) may contain. */
export interface AtpConfig {
  /** Plugins, in order. Without this key, `@atp/preset-default` is used when installed. */
  plugins?: PluginSpec[];
  /** Named agents usable with `--agent NAME`, in addition to the suite's own. */
  agents?: Record<string, AgentConfig>;
  defaults?: RunDefaults;
  /** Options per reporter name. */
  reporters?: Record<string, Record<string, unknown>>;
  /** Free-form settings for plugins, keyed by plugin name. */
  settings?: Record<string, Record<string, unknown>>;
}

/** The config after defaults, file, environment and flags were merged. */
export interface ResolvedConfig {
  cwd: string;
  /** The config file used, if any. */
  configFile?: string;
  plugins: PluginSpec[];
  /** True when `plugins` came from the preset fallback (no config listed any). */
  usingDefaultPreset: boolean;
  agents: Record<string, AgentConfig>;
  defaults: Required<Pick<RunDefaults, 'runs_dir' | 'parallel' | 'retries' | 'fail_fast' | 'sandbox'>> & RunDefaults;
  reporters: Record<string, Record<string, unknown>>;
  settings: Record<string, Record<string, unknown>>;
}

/** Define a config (identity, for types and editor help). */
export function defineConfig(config: AtpConfig): AtpConfig {
  return config;
}
