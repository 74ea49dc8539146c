import type { CommandModule } from '../../contracts.js';
import { compileOrThrow } from './compile.js';

/** `atp list SUITE [--tags ...]`: tests with their tags. */
const command: CommandModule = {
  usage: 'SUITE [--tags TAGS]',
  options: {
    tags: { type: 'string', value: 'TAGS', description: 'tag filter, e.g. smoke,core,!slow' },
    json: { type: 'boolean', description: 'print as JSON' },
  },
  async run(ctx) {
    const plan = await compileOrThrow(ctx, ctx.args[0], { tags: ctx.options.tags as string | undefined });
    if (ctx.options.json) {
      ctx.stdout(JSON.stringify(plan.tests.map((t) => ({ id: t.id, name: t.name, tags: t.tags })), null, 2) + '\n');
      return 0;
    }
    const width = Math.max(...plan.tests.map((t) => t.id.length), 2);
    ctx.stdout(`${plan.suite.name} (${plan.tests.length} test${plan.tests.length === 1 ? '' : 's'})\n`);
    for (const t of plan.tests) ctx.stdout(`  ${t.id.padEnd(width)}  ${t.name}${t.tags.length ? `  [${t.tags.join(', ')}]` : ''}\n`);
    return 0;
  },
};
export default command;
