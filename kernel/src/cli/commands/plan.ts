import type { CommandModule } from '../../contracts.js';
import { compileOrThrow } from './compile.js';
import { redactDeep, secretsIn } from '../../secret.js';

/** `atp plan SUITE [--json]`: print the compiled plan. */
const command: CommandModule = {
  usage: 'SUITE [--json]',
  options: {
    json: { type: 'boolean', description: 'print the plan as JSON' },
    tags: { type: 'string', value: 'TAGS', description: 'tag filter, e.g. smoke,core,!slow' },
    runs: { type: 'string', value: 'N', description: 'runs per test' },
  },
  async run(ctx) {
    const plan = await compileOrThrow(ctx, ctx.args[0], { tags: ctx.options.tags as string | undefined, runs: ctx.options.runs ? Number(ctx.options.runs) : undefined });
    if (ctx.options.json) {
      // Credentials in agent configs print as *** (Secrets do by themselves; plain values under keys like Authorization too).
      const shown = { ...plan, agents: plan.agents.map((a) => ({ ...a, config: redactDeep(a.config, secretsIn(a.config)) })) };
      ctx.stdout(JSON.stringify(shown, null, 2) + '\n');
      return 0;
    }
    const lines = [`suite ${plan.suite.name} (version ${plan.suite.version})`, `agents: ${plan.agents.map((a) => `${a.name} (${a.adapter})`).join(', ') || '(none: pass --adapter)'}`, `${plan.tests.length} tests, ${plan.jobs.length} jobs`, ''];
    for (const t of plan.tests) {
      lines.push(`${t.id}  ${t.name}${t.tags.length ? `  [${t.tags.join(', ')}]` : ''}`);
      lines.push(`  runs ${t.runs}, timeout ${t.timeoutMs / 1000}s${t.agents.length ? `, agents ${t.agents.join(', ')}` : ''}`);
      for (const a of t.assertions) lines.push(`  - ${a.id}: ${a.type}${a.critical ? ' (critical)' : ''}`);
    }
    ctx.stdout(lines.join('\n') + '\n');
    return 0;
  },
};
export default command;
