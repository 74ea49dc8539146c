import type { Kernel } from '../kernel.js';
import { Kernel as KernelClass } from '../kernel.js';
import type { Logger } from '../contracts.js';
import type { ResolvedConfig } from './types.js';
import { findConfig, loadDotEnv, resolveConfig } from './load-config.js';
import { DEFAULT_PRESET, loadPlugins, pluginBaseDir, resolvePluginPath } from './load-plugins.js';

/** Options of `loadKernel`. */
export interface LoadKernelOptions {
  cwd?: string;
  configFile?: string;
  env?: Record<string, string | undefined>;
  /** Flag values (highest precedence). */
  flags?: Partial<ResolvedConfig['defaults']>;
  logger?: Logger;
  /** Load `.env` from cwd (default true). */
  dotenv?: boolean;
  /** Plugins installed before the config's (the CLI's core commands). */
  builtins?: unknown[];
}

/** Find the config, load `.env`, merge settings, load plugins (or the default preset), run the `config` hook. */
export async function loadKernel(options: LoadKernelOptions = {}): Promise<Kernel> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  if (options.dotenv !== false) await loadDotEnv(cwd, env);
  const loaded = await findConfig({ cwd, configFile: options.configFile, env });
  const config = resolveConfig(cwd, loaded, env, options.flags);
  const kernel = new KernelClass({ config, logger: options.logger });
  for (const b of options.builtins ?? []) await kernel.use(b, '@atp/kernel');
  const base = pluginBaseDir(cwd, config.configFile);
  if (config.usingDefaultPreset) {
    if (resolvePluginPath(DEFAULT_PRESET, cwd)) await loadPlugins(kernel, [DEFAULT_PRESET], cwd);
  } else {
    await loadPlugins(kernel, config.plugins, base);
  }
  kernel.config = await kernel.hooks.config.promise(kernel.config);
  return kernel;
}

export { findConfig, readConfigFile, resolveConfig, loadDotEnv, defaultsFromEnv, validateConfig, CONFIG_FILES } from './load-config.js';
export { importPlugin, loadPlugins, resolvePluginPath, DEFAULT_PRESET } from './load-plugins.js';
export { ConfigSchema } from './schema.js';
