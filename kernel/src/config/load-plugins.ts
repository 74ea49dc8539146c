import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Kernel } from '../kernel.js';
import type { PluginSpec } from '../plugin.js';
import { AtpError, diagnostic } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';

/** The preset loaded when no config lists plugins. */
export const DEFAULT_PRESET = '@atp/preset-default';

const isPath = (spec: string): boolean => spec.startsWith('.') || isAbsolute(spec);

/** Resolve a plugin package name or path from the project directory (then from the kernel's own location). */
export function resolvePluginPath(spec: string, fromDir: string): string | undefined {
  if (isPath(spec)) return resolve(fromDir, spec);
  for (const base of [join(fromDir, 'noop.js'), fileURLToPath(import.meta.url)]) {
    try {
      return createRequire(base).resolve(spec);
    } catch {
      // try the next base
    }
  }
  return undefined;
}

/** Import a plugin module by spec and return its plugin object (calling a factory with options). */
export async function importPlugin(spec: string, fromDir: string, options: Record<string, unknown>): Promise<{ plugin: unknown; source: string }> {
  const path = resolvePluginPath(spec, fromDir);
  if (!path) {
    throw new AtpError(
      diagnostic(ErrorCodes.ATP_PLUGIN_NOT_FOUND, `plugin "${spec}" is not installed (looked from ${fromDir})`, {
        hint: `install it: npm install --save-dev ${spec}`,
      }),
    );
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const notFound = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && isPath(spec) && reason.includes(path);
    throw new AtpError(
      diagnostic(notFound ? ErrorCodes.ATP_PLUGIN_NOT_FOUND : ErrorCodes.ATP_PLUGIN_IMPORT, notFound ? `plugin file "${spec}" does not exist` : `plugin "${spec}" failed to import: ${reason}`, {
        hint: notFound ? `resolved to ${path}` : 'fix the error in the plugin module (run with --debug for the stack trace)',
      }),
      { cause: error },
    );
  }
  let value: unknown = mod.default ?? mod.plugin ?? mod;
  if (typeof value === 'function') {
    try {
      value = await (value as (o: Record<string, unknown>) => unknown)(options);
    } catch (error) {
      throw new AtpError(diagnostic(ErrorCodes.ATP_PLUGIN_ERROR, `plugin "${spec}" failed while creating itself from its options: ${(error as Error).message}`), { cause: error });
    }
  }
  return { plugin: value, source: isPath(spec) ? spec : spec };
}

/** Load every plugin of the config into the kernel, in order. */
export async function loadPlugins(kernel: Kernel, specs: readonly PluginSpec[], fromDir: string): Promise<void> {
  for (const spec of specs) {
    if (typeof spec === 'string') {
      const { plugin, source } = await importPlugin(spec, fromDir, {});
      await kernel.use(plugin, source);
    } else if (Array.isArray(spec)) {
      const [name, options] = spec;
      const { plugin, source } = await importPlugin(name, fromDir, options);
      await kernel.use(plugin, source, options);
    } else {
      await kernel.use(spec, 'inline');
    }
  }
}

/** The directory plugin paths in a config are relative to. */
export function pluginBaseDir(cwd: string, configFile: string | undefined): string {
  return configFile ? dirname(configFile.replace(/#atp$/, '')) : cwd;
}
