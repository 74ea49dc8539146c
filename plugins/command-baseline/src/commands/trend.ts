/** `atp trend REPORTS...`: success rate and mean score over saved JSON reports, with a slope and a regression flag. */
import { resolve } from 'node:path';
import type { CommandModule } from '@atp/kernel';
import { computeTrend, readReports } from '../trend.js';
import { renderTrend } from '../render-trend.js';
import { intOption, nonNegativeOption, probabilityOption, usageError } from '../run-suite.js';

/** The `trend` command. */
const command: CommandModule = {
  usage: 'REPORT.json... [options]',
  options: {
    window: { type: 'string', value: 'N', description: 'only the last N reports (by generated_at)' },
    threshold: { type: 'string', value: 'SLOPE', description: 'a decline must exceed SLOPE points per report to count (default 0)' },
    alpha: { type: 'string', value: 'P', description: 'significance level of the slope test (default 0.05)' },
    'exit-on-regression': { type: 'boolean', description: 'exit 1 when the trend declines significantly' },
    json: { type: 'boolean', description: 'print the trend as JSON' },
  },
  run(ctx) {
    if (!ctx.args.length) throw usageError('atp trend needs JSON reports', 'atp trend reports/*.json (write them with atp test SUITE -o json --output-file reports/run-1.json)');
    const window = intOption('window', ctx.options.window, 2);
    const threshold = nonNegativeOption('threshold', ctx.options.threshold);
    const alpha = probabilityOption('alpha', ctx.options.alpha);
    const reports = readReports(
      ctx.args.map((a) => resolve(ctx.cwd, a)),
      ctx.cwd,
    );
    const trend = computeTrend(reports, { ...(window !== undefined ? { window } : {}), ...(threshold !== undefined ? { threshold } : {}), ...(alpha !== undefined ? { alpha } : {}) });
    ctx.stdout(ctx.options.json ? `${JSON.stringify(trend, null, 2)}\n` : renderTrend(trend, { color: ctx.color }));
    return ctx.options['exit-on-regression'] && trend.regression ? 1 : 0;
  },
};
export default command;
