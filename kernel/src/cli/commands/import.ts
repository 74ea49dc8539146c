import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CommandModule } from '../../contracts.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { entryOptions, listOption } from './entry-options.js';

/** `atp import NAME SOURCE [--option k=v]... [--output FILE]`: convert external traces to ATP requests, events and responses (JSON lines). */
const command: CommandModule = {
  usage: 'NAME SOURCE [--option k=v]... [--output FILE]',
  options: {
    option: { type: 'string', multiple: true, value: 'K=V', description: "importer option (validated by the importer's schema)" },
    output: { type: 'string', short: 'o', value: 'FILE', description: 'write the JSON lines here instead of stdout' },
  },
  async run(ctx) {
    const { kernel } = ctx;
    const [name, source] = ctx.args;
    if (!name || !source) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, 'atp import needs an importer name and a source', { hint: 'atp import NAME traces.json; atp plugins list --type importer' }), { exitCode: 2 });
    const entry = kernel.registries.importers.get(name);
    if (!entry) {
      const { message, hint } = kernel.registries.importers.unknownMessage(name);
      throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, { hint }), { exitCode: 2 });
    }
    const options = entryOptions(entry, listOption(ctx.options.option), `importer "${name}"`);
    const traces = await (await kernel.registries.importers.load(name)).importTraces(resolve(ctx.cwd, source), options);
    const text = traces.map((t) => JSON.stringify(t)).join('\n') + (traces.length ? '\n' : '');
    const out = typeof ctx.options.output === 'string' ? resolve(ctx.cwd, ctx.options.output) : undefined;
    if (out) writeFileSync(out, text);
    else ctx.stdout(text);
    ctx.stderr(`imported ${traces.length} trace${traces.length === 1 ? '' : 's'} with "${name}"${out ? ` into ${ctx.options.output as string}` : ''}\n`);
    return 0;
  },
};
export default command;
