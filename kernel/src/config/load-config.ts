import { existsSync, readFileSync } from 'node:fs';
import { unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LineCounter, Document, Node as YamlNode } from 'yaml';
import type * as YamlModule from 'yaml';
import type { AtpConfig, ResolvedConfig } from './types.js';
import { AtpError, diagnostic, type Diagnostic, type Position } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';
import { ConfigSchema } from './schema.js';
import { didYouMean } from '../suggest.js';

/** The file names searched for, in order, in the working directory and its parents (up to the project root). */
export const CONFIG_FILES = [
  'atp.config.ts',
  'atp.config.mts',
  'atp.config.js',
  'atp.config.mjs',
  'atp.config.json',
  'atp.config.yaml',
  'atp.config.yml',
];

/** Options of `loadConfig`. */
export interface LoadConfigOptions {
  cwd: string;
  /** An explicit config file (`--config`). */
  configFile?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** A config file as found and read, before merging. */
export interface LoadedConfigFile {
  file?: string;
  config: AtpConfig;
}

function toPosition(lc: LineCounter, offset: number): Position {
  const { line, col } = lc.linePos(offset);
  return { line, column: col, offset };
}

type YamlApi = typeof YamlModule;

function findNode(yaml: YamlApi, root: YamlNode | null | undefined, path: readonly PropertyKey[]): { node: YamlNode; key?: YamlNode } | undefined {
  const { isMap, isSeq, isScalar, isPair } = yaml;
  let node: YamlNode | null | undefined = root;
  let key: YamlNode | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node ? { node, key } : undefined;
      key = pair.key as YamlNode;
      node = pair.value as YamlNode | null;
      if (!node) return { node: key, key };
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as YamlNode | undefined;
      if (!item) return { node, key };
      node = item;
      key = undefined;
    } else break;
  }
  return node ? { node, key } : undefined;
}

/** Validate a config object with the config schema; issues are located when the YAML/JSON source is known. */
export function validateConfig(value: unknown, file: string | undefined, source?: { doc: Document; lc: LineCounter; yaml: YamlApi }): AtpConfig {
  const parsed = ConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data as AtpConfig;
  const diagnostics: Diagnostic[] = parsed.error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((k) => {
      const path = k === undefined ? issue.path : [...issue.path, k];
      const where = path.length ? path.join('.') : '(root)';
      let message = `${where}: ${issue.message}`;
      if (k !== undefined) {
        const known = Object.keys(ConfigSchema.shape);
        message = issue.path.length
          ? `unknown key "${k}" in ${issue.path.join('.')}`
          : `unknown config key "${k}"${didYouMean(String(k), known)}`;
      }
      const d = diagnostic(k !== undefined ? ErrorCodes.ATP_CONFIG_INVALID : ErrorCodes.ATP_CONFIG_INVALID, message, file ? { file } : {});
      if (source) {
        const found = findNode(source.yaml, source.doc.contents as YamlNode, path);
        const target = k !== undefined ? found?.key ?? found?.node : found?.node;
        if (target?.range) {
          d.start = toPosition(source.lc, target.range[0]);
          d.end = toPosition(source.lc, target.range[1]);
        }
      }
      return d;
    });
  });
  throw new AtpError(diagnostics);
}

async function readYamlLike(file: string): Promise<AtpConfig> {
  const yaml = await import('yaml');
  const text = readFileSync(file, 'utf8');
  const lc = new yaml.LineCounter();
  const doc = yaml.parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    throw new AtpError(
      doc.errors.map((e) =>
        diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`, {
          file,
          start: toPosition(lc, e.pos[0]),
          end: toPosition(lc, e.pos[1]),
        }),
      ),
    );
  }
  return validateConfig(doc.toJS() ?? {}, file, { doc, lc, yaml });
}

async function importModuleConfig(file: string): Promise<AtpConfig> {
  let target = file;
  let temp: string | undefined;
  if (/\.(m?ts|cts)$/.test(file)) {
    const { build } = await import('esbuild');
    let code: string;
    try {
      const out = await build({
        entryPoints: [file],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        write: false,
        sourcemap: 'inline',
        logLevel: 'silent',
      });
      code = out.outputFiles[0]!.text;
    } catch (error) {
      const errors = (error as { errors?: Array<{ text: string; location?: { line: number; column: number; file: string } | null }> }).errors ?? [];
      throw new AtpError(
        errors.length
          ? errors.map((e) =>
              diagnostic(ErrorCodes.ATP_CONFIG_LOAD, e.text, {
                file: e.location ? resolve(dirname(file), basename(e.location.file)) : file,
                ...(e.location ? { start: { line: e.location.line, column: e.location.column + 1, offset: 0 } } : {}),
              }),
            )
          : [diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `cannot compile config: ${(error as Error).message}`, { file })],
      );
    }
    // Written beside the config so its imports resolve from the user's project, then removed.
    temp = `${file}.timestamp-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.mjs`;
    await writeFile(temp, code);
    target = temp;
  }
  try {
    const mod = (await import(pathToFileURL(target).href)) as { default?: unknown };
    const value = mod.default ?? mod;
    const config = typeof value === 'function' ? await (value as () => unknown)() : value;
    return validateConfig(config, file);
  } catch (error) {
    if (error instanceof AtpError) throw error;
    throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `config file failed to load: ${(error as Error).message}`, { file }), { cause: error });
  } finally {
    if (temp) await unlink(temp).catch(() => undefined);
  }
}

/** Read one config file of any supported format. */
export async function readConfigFile(file: string): Promise<AtpConfig> {
  if (!existsSync(file)) throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `config file not found: ${file}`));
  if (/\.(json|ya?ml)$/.test(file)) return readYamlLike(file);
  if (/\.(m?[jt]s|cjs|cts)$/.test(file)) return importModuleConfig(file);
  throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `unsupported config file type: ${file}`, { hint: `use one of ${CONFIG_FILES.join(', ')}` }));
}

const markFound = (): object => ({ found: true });

/**
 * Find and read the config with cosmiconfig: `--config FILE`, else the first of CONFIG_FILES or
 * `package.json#atp` from the working directory up to the project root.
 */
export async function findConfig(options: LoadConfigOptions): Promise<LoadedConfigFile> {
  if (options.configFile) {
    const file = resolve(options.cwd, options.configFile);
    return { file, config: await readConfigFile(file) };
  }
  const { cosmiconfig } = await import('cosmiconfig');
  const explorer = cosmiconfig('atp', {
    searchPlaces: ['package.json', ...CONFIG_FILES],
    searchStrategy: 'project',
    // We read files ourselves (located diagnostics, esbuild for TS): cosmiconfig only finds them.
    loaders: {
      '.ts': markFound,
      '.mts': markFound,
      '.js': markFound,
      '.mjs': markFound,
      '.json': (filepath: string, content: string) => (basename(filepath) === 'package.json' ? (JSON.parse(content) as object) : { found: true }),
      '.yaml': markFound,
      '.yml': markFound,
      noExt: markFound,
    },
  });
  let found: { filepath: string; config: unknown } | null = null;
  try {
    found = await explorer.search(options.cwd);
  } catch (error) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_CONFIG_LOAD, `cannot search for a config: ${(error as Error).message}`));
  }
  if (!found) return { config: {} };
  if (basename(found.filepath) === 'package.json') {
    const pkg = JSON.parse(readFileSync(found.filepath, 'utf8')) as { atp?: unknown };
    if (pkg.atp === undefined) return { config: {} };
    return { file: found.filepath, config: validateConfig(pkg.atp, `${found.filepath}#atp`) };
  }
  return { file: found.filepath, config: await readConfigFile(found.filepath) };
}

const bool = (v: string): boolean | undefined => (/^(1|true|yes|on)$/i.test(v) ? true : /^(0|false|no|off)$/i.test(v) ? false : undefined);
const int = (v: string): number | undefined => (/^\d+$/.test(v) ? Number(v) : undefined);

/** Read `ATP_*` environment variables into run defaults; a malformed value is a diagnostic. */
export function defaultsFromEnv(env: Readonly<Record<string, string | undefined>>): ResolvedConfig['defaults'] | Partial<ResolvedConfig['defaults']> {
  const out: Partial<ResolvedConfig['defaults']> = {};
  const bad: Diagnostic[] = [];
  const take = <T>(name: string, parse: (v: string) => T | undefined, set: (v: T) => void, expected: string): void => {
    const raw = env[name];
    if (raw === undefined || raw === '') return;
    const v = parse(raw);
    if (v === undefined) bad.push(diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `environment variable ${name}="${raw}" is not ${expected}`));
    else set(v);
  };
  take('ATP_PARALLEL', int, (v) => (out.parallel = v), 'a whole number');
  take('ATP_RUNS', int, (v) => (out.runs_per_test = v), 'a whole number');
  take('ATP_RETRIES', int, (v) => (out.retries = v), 'a whole number');
  take('ATP_TIMEOUT', (v) => (Number(v) > 0 ? Number(v) : undefined), (v) => (out.timeout_seconds = v), 'a positive number');
  take('ATP_FAIL_FAST', bool, (v) => (out.fail_fast = v), 'true or false');
  take('ATP_SANDBOX', bool, (v) => (out.sandbox = v), 'true or false');
  take('ATP_RUNS_DIR', (v) => v, (v) => (out.runs_dir = v), 'a path');
  take('ATP_OUTPUT', (v) => v.split(',').map((s) => s.trim()).filter(Boolean), (v) => (out.output = v), 'a list of formats');
  if (bad.length) throw new AtpError(bad);
  return out;
}

/** Load `.env` from the working directory into `env` without overriding variables already set. */
export async function loadDotEnv(cwd: string, env: Record<string, string | undefined> = process.env): Promise<void> {
  const file = join(cwd, '.env');
  if (!existsSync(file)) return;
  const { parse } = await import('dotenv');
  const values = parse(readFileSync(file));
  for (const [k, v] of Object.entries(values)) if (env[k] === undefined) env[k] = v;
}

/** Merge defaults → config file → ATP_* environment → flags into the resolved config. */
export function resolveConfig(cwd: string, loaded: LoadedConfigFile, env: Readonly<Record<string, string | undefined>>, flags: Partial<ResolvedConfig['defaults']> = {}): ResolvedConfig {
  const c = loaded.config;
  return {
    cwd,
    ...(loaded.file ? { configFile: loaded.file } : {}),
    plugins: c.plugins ?? [],
    usingDefaultPreset: c.plugins === undefined,
    agents: c.agents ?? {},
    defaults: {
      runs_dir: '.atp/runs',
      parallel: 1,
      retries: 0,
      fail_fast: false,
      sandbox: false,
      ...(c.defaults ?? {}),
      ...defaultsFromEnv(env),
      ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)),
    },
    reporters: c.reporters ?? {},
    settings: c.settings ?? {},
  };
}
