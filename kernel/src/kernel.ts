import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { createHooks, tapOnlyHooks, PluginError, type KernelHooks } from './hooks.js';
import { Registry, type RegistryKind } from './registry.js';
import {
  REGISTRY_KEYS,
  validatePlugin,
  type AdapterEntry,
  type BenchmarkEntry,
  type CommandEntry,
  type CompilerEntry,
  type EvaluatorEntry,
  type ImporterEntry,
  type Plugin,
  type ReporterEntry,
} from './plugin.js';
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
import type { ResolvedConfig } from './config/types.js';
import { AtpError, diagnostic, hasErrors, type Diagnostic } from './diagnostics.js';
import { ErrorCodes } from './codes.js';
import { silentLogger } from './logger.js';
import type { Plan } from './plan.js';

/** The kernel's registries. */
export interface Registries {
  compilers: Registry<CompilerModule, CompilerEntry>;
  adapters: Registry<AdapterModule, AdapterEntry>;
  evaluators: Registry<EvaluatorModule, EvaluatorEntry>;
  reporters: Registry<ReporterModule, ReporterEntry>;
  benchmarks: Registry<BenchmarkModule, BenchmarkEntry>;
  importers: Registry<ImporterModule, ImporterEntry>;
  commands: Registry<CommandModule, CommandEntry>;
}

/** A plugin the kernel loaded, with where it came from and what it registered. */
export interface LoadedPlugin {
  name: string;
  version?: string;
  description?: string;
  /** Package name, file path or "inline". */
  source: string;
  registrations: Partial<Record<RegistryKind, string[]>>;
}

/** Options of `compileSuite`. */
export interface CompileSuiteOptions {
  env?: Readonly<Record<string, string | undefined>>;
  tags?: string;
  runs?: number;
}

/** The result of compiling one suite file. */
export interface CompiledSuite {
  file: string;
  source: string;
  plan?: Plan;
  diagnostics: Diagnostic[];
}

const defaultConfig = (cwd: string): ResolvedConfig => ({
  cwd,
  plugins: [],
  usingDefaultPreset: false,
  agents: {},
  defaults: { runs_dir: '.atp/runs', parallel: 1, retries: 0, fail_fast: false, sandbox: false },
  reporters: {},
  settings: {},
});

/** The ATP kernel: hooks, registries and the plugins that filled them. It holds no domain logic. */
export class Kernel {
  /** The hooks; only the kernel calls them. Plugins get tap-only views. */
  readonly hooks: Readonly<KernelHooks> = createHooks();
  readonly registries: Readonly<Registries> = Object.freeze({
    compilers: new Registry<CompilerModule, CompilerEntry>('compilers'),
    adapters: new Registry<AdapterModule, AdapterEntry>('adapters'),
    evaluators: new Registry<EvaluatorModule, EvaluatorEntry>('evaluators'),
    reporters: new Registry<ReporterModule, ReporterEntry>('reporters'),
    benchmarks: new Registry<BenchmarkModule, BenchmarkEntry>('benchmarks'),
    importers: new Registry<ImporterModule, ImporterEntry>('importers'),
    commands: new Registry<CommandModule, CommandEntry>('commands'),
  });
  readonly plugins: LoadedPlugin[] = [];
  config: ResolvedConfig;
  readonly logger: Logger;

  constructor(options: { config?: ResolvedConfig; logger?: Logger } = {}) {
    this.config = options.config ?? defaultConfig(process.cwd());
    this.logger = options.logger ?? silentLogger;
  }

  /** Validate and install a plugin (and the plugins it bundles), then run its setup. */
  async use(value: unknown, source = 'inline', options: Record<string, unknown> = {}): Promise<void> {
    const plugin = validatePlugin(value, source);
    if (this.plugins.some((p) => p.name === plugin.name)) {
      this.logger.debug(`plugin "${plugin.name}" already loaded; skipping the copy from ${source}`);
      return;
    }
    const loaded: LoadedPlugin = { name: plugin.name, version: plugin.version, description: plugin.description, source, registrations: {} };
    this.plugins.push(loaded);
    for (const key of REGISTRY_KEYS) {
      const entries = plugin[key];
      if (!entries?.length) continue;
      const registry = this.registries[key] as unknown as Registry<unknown>;
      for (const entry of entries) {
        registry.register(entry as never, plugin.name);
        (loaded.registrations[key] ??= []).push(entry.name);
      }
    }
    for (const child of plugin.plugins ?? []) {
      if (typeof child === 'object' && !Array.isArray(child)) await this.use(child, `${source} (via ${plugin.name})`);
      else throw new AtpError(diagnostic(ErrorCodes.ATP_PLUGIN_INVALID, `plugin "${plugin.name}" bundles plugins by name; presets must import them and list plugin objects`));
    }
    if (plugin.setup) {
      try {
        await plugin.setup({ hooks: tapOnlyHooks(this.hooks, plugin.name), config: this.config, options, logger: this.logger });
      } catch (error) {
        throw error instanceof PluginError ? error : new PluginError(plugin.name, 'setup', error);
      }
    }
  }

  /** Install several plugin objects in order. */
  async useAll(plugins: Plugin[]): Promise<void> {
    for (const p of plugins) await this.use(p);
  }

  /** The compiler entry claiming a file's extension. */
  compilerFor(file: string): CompilerEntry & { plugin: string } {
    const ext = extname(file).toLowerCase();
    const entry = this.registries.compilers.list().find((c) => c.extensions.map((e) => e.toLowerCase()).includes(ext));
    if (!entry) {
      const known = this.registries.compilers.list().flatMap((c) => c.extensions);
      throw new AtpError(
        diagnostic(ErrorCodes.ATP_NO_COMPILER, `no compiler is installed for "${ext || file}" files`, {
          file,
          hint: known.length
            ? `installed compilers handle: ${known.join(', ')}`
            : 'install @atp/preset-default (or @atp/dsl) and list it in your config plugins',
        }),
      );
    }
    return entry;
  }

  /** Read a suite file, compile it with the compiler for its extension, and run the `plan` hook. */
  async compileSuite(file: string, options: CompileSuiteOptions = {}): Promise<CompiledSuite> {
    const path = resolve(this.config.cwd, file);
    let source: string;
    try {
      source = await readFile(path, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (cause as Error).message;
      return { file, source: '', diagnostics: [diagnostic(ErrorCodes.ATP_SUITE_READ, `cannot read suite: ${reason}`, { file })] };
    }
    const entry = this.compilerFor(file);
    const compiler = (await this.registries.compilers.load(entry.name)).createCompiler();
    const tapped = (this.hooks.suite as unknown as { taps: unknown[] }).taps.length > 0;
    const out = await compiler.compile({
      file,
      source,
      env: options.env ?? process.env,
      kernel: this,
      tags: options.tags,
      runs: options.runs,
      ...(tapped ? { suiteHook: (suite) => this.hooks.suite.promise(suite) } : {}),
    });
    if (!out.plan || hasErrors(out.diagnostics)) return { file, source, diagnostics: out.diagnostics };
    const plan = await this.hooks.plan.promise(out.plan);
    return { file, source, plan, diagnostics: out.diagnostics };
  }
}

/** Create an empty kernel (no plugins). */
export function createKernel(options: { config?: ResolvedConfig; logger?: Logger } = {}): Kernel {
  return new Kernel(options);
}
