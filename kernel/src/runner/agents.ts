import type { AgentSpec, Plan } from '../plan.js';
import { DEFAULT_AGENT } from '../plan.js';
import type { Kernel } from '../kernel.js';
import type { Adapter, Logger } from '../contracts.js';
import { AtpError, diagnostic, type Diagnostic } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';
import { nearest } from '../suggest.js';

/** How the command line changes the agents of a plan. */
export interface AgentSelection {
  /** `--agent NAME` (repeatable): run against these agents only. */
  agents?: string[];
  /** `--adapter NAME`: the adapter for the selected (or default) agent. */
  adapter?: string;
  /** `--adapter-config k=v`: merged over the selected agent's config. */
  adapterConfig?: Record<string, unknown>;
}

/** The agents a run uses, with validated configs, and the names selected for job expansion. */
export interface ResolvedAgents {
  agents: Map<string, AgentSpec>;
  selected: string[];
  fallback: string;
}

/** Parse `--adapter-config` items as §4.1: `k=v`, several per item split on commas before `k=`, values JSON when they parse. */
export function parseAdapterConfig(items: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const parts: string[] = [];
    for (const fragment of item.split(',')) {
      if (parts.length && !/^[^=]+=/.test(fragment)) parts[parts.length - 1] += `,${fragment}`;
      else parts.push(fragment);
    }
    for (const part of parts) {
      const eq = part.indexOf('=');
      if (eq <= 0) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--adapter-config expects key=value, got "${part}"`));
      const key = part.slice(0, eq).trim();
      const raw = part.slice(eq + 1);
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
      out[key] = value;
    }
  }
  return out;
}

/** Resolve and validate the agents a run will use (suite agents, config agents, command-line overrides). */
export function resolveAgents(kernel: Kernel, plan: Plan, selection: AgentSelection = {}): ResolvedAgents {
  const agents = new Map<string, AgentSpec>();
  for (const [name, a] of Object.entries(kernel.config.agents)) {
    const adapter = a.adapter ?? a.type;
    if (!adapter) continue;
    const { adapter: _a, type: _t, config, ...flat } = a;
    agents.set(name, { name, adapter, config: { ...flat, ...(config ?? {}) } });
  }
  for (const a of plan.agents) agents.set(a.name, a);
  const selected = [...(selection.agents ?? [])];
  for (const name of selected) {
    if (!agents.has(name) && !selection.adapter) {
      const near = nearest(name, agents.keys());
      throw new AtpError(
        diagnostic(ErrorCodes.ATP_UNKNOWN_AGENT, `unknown agent "${name}"${near ? ` — did you mean "${near}"?` : ''}`, {
          hint: agents.size ? `agents defined: ${[...agents.keys()].join(', ')}` : 'the suite and config define no agents: use --adapter and --adapter-config',
        }),
      );
    }
  }
  const fallback = plan.agents[0]?.name ?? (agents.size === 1 ? [...agents.keys()][0]! : DEFAULT_AGENT);
  if (selection.adapter || selection.adapterConfig) {
    const targets = selected.length ? selected : [fallback];
    for (const name of targets) {
      const existing = agents.get(name);
      const adapter = selection.adapter ?? existing?.adapter;
      if (!adapter) {
        throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `--adapter-config needs an agent to apply to: agent "${name}" is not defined; add --adapter NAME`));
      }
      const base = existing && existing.adapter === adapter ? existing.config : {};
      agents.set(name, { name, adapter, config: { ...base, ...(selection.adapterConfig ?? {}) } });
    }
  }
  // Validate every agent the jobs will use.
  const used = new Set(selected.length ? selected : [fallback]);
  for (const t of plan.tests) for (const a of t.agents) if (!selected.length || selected.includes(a)) used.add(a);
  const problems: Diagnostic[] = [];
  for (const name of used) {
    const spec = agents.get(name);
    if (!spec) {
      problems.push(
        diagnostic(ErrorCodes.ATP_UNKNOWN_AGENT, name === DEFAULT_AGENT ? 'no agent to test: the suite defines no agents' : `unknown agent "${name}"`, {
          hint: 'add an `agents:` block to the suite, define agents in atp.config, or pass --adapter cli --adapter-config command="node agent.js"',
        }),
      );
      continue;
    }
    const entry = kernel.registries.adapters.get(spec.adapter);
    if (!entry) {
      const { message, hint } = kernel.registries.adapters.unknownMessage(spec.adapter);
      problems.push(diagnostic(ErrorCodes.ATP_UNKNOWN_ADAPTER, `agent "${name}": ${message}`, { hint, ...(spec.location ? { file: spec.location.file } : {}) }));
      continue;
    }
    if (entry.configSchema) {
      const parsed = entry.configSchema.safeParse(spec.config);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.join('.');
          problems.push(diagnostic(ErrorCodes.ATP_ADAPTER_CONFIG, `agent "${name}" (${spec.adapter}): ${path ? `${path}: ` : ''}${issue.message}`));
        }
      } else {
        agents.set(name, { ...spec, config: parsed.data as Record<string, unknown> });
      }
    }
  }
  if (problems.length) throw new AtpError(problems);
  return { agents, selected, fallback };
}

/** Adapter instances of a run, created on first use and closed at the end. */
export class AdapterPool {
  readonly #instances = new Map<string, Promise<Adapter>>();
  /** Adapters already created, for callers that need not wait a turn. */
  readonly #ready = new Map<string, Adapter>();
  constructor(
    private readonly kernel: Kernel,
    private readonly agents: Map<string, AgentSpec>,
    private readonly baseDir: string,
    private readonly logger: Logger,
  ) {}

  /** The adapter of an agent. */
  get(agent: string): Promise<Adapter> {
    let p = this.#instances.get(agent);
    if (!p) {
      const spec = this.agents.get(agent)!;
      p = this.kernel.registries.adapters
        .load(spec.adapter)
        .then((mod) => mod.createAdapter(spec.config, { agent, baseDir: this.baseDir, logger: this.logger }))
        .then((adapter) => {
          this.#ready.set(agent, adapter);
          return adapter;
        });
      this.#instances.set(agent, p);
    }
    return p;
  }

  /** The adapter of an agent when it was already created. */
  ready(agent: string): Adapter | undefined {
    return this.#ready.get(agent);
  }

  /** Close every adapter that was created; errors are logged, not thrown. */
  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.#instances.entries()].map(async ([name, p]) => {
        try {
          const a = await p;
          await a.close?.();
        } catch (error) {
          this.logger.debug(`closing adapter of agent "${name}" failed: ${(error as Error).message}`);
        }
      }),
    );
  }
}
