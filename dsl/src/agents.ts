import { ErrorCodes, diagnostic, type AgentConfig, type AgentSpec } from '@atp/kernel';
import { AgentSchema } from './schema/suite.js';
import { locationOf, rawAt, report, validateAt, type CompileContext } from './context.js';
import { validateEntryConfig } from './entry-config.js';
import { validate } from './validate/validate.js';
import { checkUnique } from './semantic/duplicates.js';
import { didYouMean } from './suggest.js';

/**
 * Compile the suite's `agents` (validated by their adapter's config schema), then add the agents of the
 * config file that the suite does not redefine. Suite agents come first, so the first one is the default.
 */
export function compileAgents(ctx: CompileContext, configAgents: Readonly<Record<string, AgentConfig>>, configFile?: string): AgentSpec[] {
  const raw = rawAt(ctx, ['agents']);
  const list = Array.isArray(raw) ? raw : [];
  const specs: AgentSpec[] = [];
  const names: Array<{ name: string; path: Array<string | number>; item: Array<string | number> }> = [];
  list.forEach((_, i) => {
    const path = ['agents', i];
    const agent = validateAt(ctx, AgentSchema, path);
    if (!agent) return;
    names.push({ name: agent.name, path: [...path, 'name'], item: path });
    const entry = adapterEntry(ctx, agent.type, () => ctx.locator.valueRange([...path, 'type']));
    if (entry === null) return;
    const config = validateEntryConfig(ctx, entry?.configSchema, [...path, 'config'], `"${agent.type}" adapter config`, ErrorCodes.ATP_ADAPTER_CONFIG);
    if (config) specs.push({ name: agent.name, adapter: agent.type, config, location: locationOf(ctx, path) });
  });
  checkUnique(ctx, names, 'agent name', 'give each agent a distinct name');
  const suiteNames = new Set(names.map((n) => n.name));
  for (const [name, agent] of Object.entries(configAgents)) {
    if (suiteNames.has(name)) continue;
    const spec = configAgent(ctx, name, agent, configFile);
    if (spec) specs.push(spec);
  }
  return specs;
}

/** The registry entry of an adapter; null (after a diagnostic) when it is not installed, undefined in structure-only mode. */
function adapterEntry(ctx: CompileContext, type: string, where?: () => ReturnType<CompileContext['locator']['valueRange']>, file?: string) {
  if (!ctx.adapters) return undefined;
  const entry = ctx.adapters.get(type);
  if (entry) return entry;
  const installed = ctx.adapters.names();
  const message = `unknown adapter "${type}"${didYouMean(type, installed)}`;
  const hint = installed.length ? `installed adapters: ${installed.join(', ')}` : 'no adapters are installed: add a plugin that provides one (e.g. @atp/adapter-cli) to your config';
  if (where) report(ctx, ErrorCodes.ATP_UNKNOWN_ADAPTER, message, where(), hint);
  else ctx.diagnostics.push(diagnostic(ErrorCodes.ATP_UNKNOWN_ADAPTER, message, { ...(file ? { file } : {}), hint }));
  return null;
}

/** A config-file agent: `{adapter|type, config}` or flat adapter keys as in ATP v1 configs. */
function configAgent(ctx: CompileContext, name: string, agent: AgentConfig, configFile?: string): AgentSpec | undefined {
  const { adapter, type, config, ...flat } = agent;
  const adapterName = adapter ?? type;
  if (!adapterName) {
    ctx.diagnostics.push(
      diagnostic(ErrorCodes.ATP_CONFIG_INVALID, `config agent "${name}" has no adapter`, { ...(configFile ? { file: configFile } : {}), hint: 'set adapter: <name> (cli, http, …) on the agent' }),
    );
    return undefined;
  }
  const entry = adapterEntry(ctx, adapterName, undefined, configFile);
  if (entry === null) return undefined;
  const rawConfig: Record<string, unknown> = config ?? flat;
  if (!entry?.configSchema) return { name, adapter: adapterName, config: rawConfig };
  const parsed = validate(entry.configSchema, {
    ...(configFile ? { file: configFile } : {}),
    basePath: [],
    data: rawConfig,
    schema: entry.configSchema,
    code: ErrorCodes.ATP_ADAPTER_CONFIG,
    unknownKeyCode: ErrorCodes.ATP_ADAPTER_CONFIG,
    label: `config agent "${name}": "${adapterName}" adapter config`,
    bindings: new WeakMap(),
    diagnostics: ctx.diagnostics,
  });
  return parsed === undefined ? undefined : { name, adapter: adapterName, config: parsed as Record<string, unknown> };
}
