import { z } from 'zod';
import type { CommandModule } from '../../contracts.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { REGISTRY_KEYS } from '../../plugin.js';
import type { RegistryKind } from '../../registry.js';
import { singular } from '../../registry.js';
import { nearest } from '../../suggest.js';

const KINDS: Record<string, RegistryKind> = {
  compiler: 'compilers', adapter: 'adapters', evaluator: 'evaluators', reporter: 'reporters',
  benchmark: 'benchmarks', importer: 'importers', command: 'commands',
};

/** `atp plugins list [--type KIND] [--json]` and `atp plugins info NAME`. */
const command: CommandModule = {
  usage: 'list [--type KIND] [--json] | info NAME',
  options: {
    type: { type: 'string', value: 'KIND', description: `only registrations of one kind: ${Object.keys(KINDS).join(', ')}` },
    json: { type: 'boolean', description: 'print as JSON' },
  },
  async run({ args, options, kernel, stdout }) {
    const sub = args[0] ?? 'list';
    if (sub === 'list') {
      const kindOpt = options.type as string | undefined;
      const kinds: RegistryKind[] = kindOpt ? [KINDS[kindOpt] ?? (kindOpt as RegistryKind)] : [...REGISTRY_KEYS];
      if (kindOpt && !REGISTRY_KEYS.includes(kinds[0]!)) {
        throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `unknown --type "${kindOpt}"${nearest(kindOpt, Object.keys(KINDS)) ? ` — did you mean "${nearest(kindOpt, Object.keys(KINDS))}"?` : ''}`, { hint: `kinds: ${Object.keys(KINDS).join(', ')}` }), { exitCode: 2 });
      }
      const rows = kinds.flatMap((kind) => kernel.registries[kind].list().map((e) => ({ kind: singular(kind), name: e.name, description: e.description, plugin: e.plugin })));
      if (options.json) {
        stdout(JSON.stringify({ plugins: kernel.plugins.map((p) => ({ name: p.name, version: p.version ?? null, source: p.source })), registrations: rows }, null, 2) + '\n');
        return 0;
      }
      stdout(`Plugins (${kernel.plugins.length}):\n`);
      for (const p of kernel.plugins) stdout(`  ${p.name}${p.version ? `@${p.version}` : ''}${p.source !== p.name ? `  (${p.source})` : ''}\n`);
      for (const kind of kinds) {
        const list = rows.filter((r) => r.kind === singular(kind));
        if (!list.length) continue;
        const w = Math.max(...list.map((r) => r.name.length));
        stdout(`\n${kind[0]!.toUpperCase()}${kind.slice(1)}:\n`);
        for (const r of list) stdout(`  ${r.name.padEnd(w)}  ${r.description}  [${r.plugin}]\n`);
      }
      return 0;
    }
    if (sub === 'info') {
      const name = args[1];
      const plugin = kernel.plugins.find((p) => p.name === name);
      if (!plugin) {
        const near = name ? nearest(name, kernel.plugins.map((p) => p.name)) : undefined;
        throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, name ? `plugin "${name}" is not loaded${near ? ` — did you mean "${near}"?` : ''}` : 'atp plugins info needs a plugin name', { hint: 'atp plugins list shows the loaded plugins' }), { exitCode: 2 });
      }
      const info = {
        name: plugin.name,
        version: plugin.version ?? null,
        description: plugin.description ?? null,
        source: plugin.source,
        apiVersion: 1,
        registrations: Object.fromEntries(
          Object.entries(plugin.registrations).map(([kind, names]) => [
            kind,
            names!.map((n) => {
              const e = kernel.registries[kind as RegistryKind].get(n);
              return { name: n, description: e?.description ?? '', configSchema: e?.configSchema ? z.toJSONSchema(e.configSchema, { io: 'input', unrepresentable: 'any' }) : null };
            }),
          ]),
        ),
      };
      if (options.json) stdout(JSON.stringify(info, null, 2) + '\n');
      else {
        stdout(`${info.name}${info.version ? `@${info.version}` : ''}\n${info.description ? `${info.description}\n` : ''}source: ${info.source}\nplugin API version: ${info.apiVersion} (this kernel implements 1)\n`);
        for (const [kind, list] of Object.entries(info.registrations)) {
          stdout(`\n${kind}:\n`);
          for (const r of list) {
            stdout(`  ${r.name}  ${r.description}\n`);
            const props = (r.configSchema as { properties?: Record<string, { type?: unknown; description?: string }> } | null)?.properties;
            if (props) for (const [k, v] of Object.entries(props)) stdout(`      ${k}: ${Array.isArray(v.type) ? v.type.join('|') : (v.type ?? 'any')}${v.description ? ` — ${v.description}` : ''}\n`);
          }
        }
      }
      return 0;
    }
    throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `unknown subcommand "plugins ${sub}"`, { hint: 'atp plugins list | atp plugins info NAME' }), { exitCode: 2 });
  },
};
export default command;
