import { join } from 'node:path';
import { tempDir, type TempDirOptions } from '../files/temp-dir.js';

/** A plugin as `atp.config.mjs` lists it: its package name, or `[name, options]`. */
export type PluginSpec = string | readonly [string, Record<string, unknown>];

const quote = (text: string): string => `'${text.replace(/['\\]/g, '\\$&')}'`;

/** The text of an `atp.config.mjs` that enables `plugins`, in order. */
export function atpConfig(plugins: readonly PluginSpec[]): string {
  const list = plugins.map((p) => (typeof p === 'string' ? quote(p) : `[${quote(p[0])}, ${JSON.stringify(p[1])}]`));
  return `export default { plugins: [${list.join(', ')}] };\n`;
}

/** Options of {@link tempProject}. */
export interface TempProjectOptions extends TempDirOptions {
  /** Write an `atp.config.mjs` enabling these plugins (a config in `files` wins). */
  plugins?: readonly PluginSpec[];
}

/**
 * A temp project directory holding `files`, made under `<cwd>/.tmp/` unless `parent` says otherwise, so that
 * `@atp/*` packages resolve through the project's node_modules as they do for users. `removeTempDirs()` deletes it.
 */
export function tempProject(files: Readonly<Record<string, string>>, options: TempProjectOptions = {}): string {
  const config: Record<string, string> = options.plugins ? { 'atp.config.mjs': atpConfig(options.plugins) } : {};
  return tempDir({ ...config, ...files }, { prefix: options.prefix ?? 'atp-e2e-', parent: options.parent ?? join(process.cwd(), '.tmp') });
}
