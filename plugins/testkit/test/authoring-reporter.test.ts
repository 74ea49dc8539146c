import { describe, expect, it } from 'vitest';
import { definePlugin, type ReporterModule } from '@atp/kernel';
import { z } from 'zod';
import { sampleRunReport, testReporter } from '../src/authoring/index.js';

/** Writes one line per finished test (live, through the testEnd hook) and a total in finish(). */
const linesModule: ReporterModule = {
  createReporter: (config, init) => ({
    apply(hooks) {
      hooks.testEnd.tap('lines', (test) => init.write(`${test.passed ? 'ok' : 'not ok'} ${test.testId}\n`));
    },
    finish(report) {
      if (config['fail']) throw new Error('disk full');
      init.write(`${String(config['prefix'] ?? '')}${report.summary.passed}/${report.summary.total}\n`);
    },
  }),
};
const plugin = definePlugin({
  name: 'atp-plugin-lines',
  apiVersion: 1,
  reporters: [{ name: 'lines', description: 'one line per test', configSchema: z.strictObject({ prefix: z.string().default(''), fail: z.boolean().default(false) }), load: async () => linesModule }],
});

testReporter(plugin, {
  valid: [
    { name: 'whole output', output: 'ok test-1\nnot ok test-2\n1/2\n' },
    { name: 'fragments', config: { prefix: 'total ' }, report: sampleRunReport({ tests: [{ id: 'a' }] }), output: ['ok a', /total 1\/1/] },
  ],
  invalid: [
    { name: 'throws', config: { fail: true }, error: 'disk full' },
    { name: 'bad option', config: { prefix: 1 }, configError: 'prefix' },
  ],
});

describe('testReporter without a test framework', () => {
  it('reports output that differs, with the output', async () => {
    const run = testReporter(plugin, { valid: [{ name: 'exact', output: 'nope\n' }, { name: 'regex', output: /^total/ }] }, { framework: null });
    await expect(run).rejects.toThrow('2 cases failed:\n  - reporter lines > valid > exact: the output differs from the expected output\n  - reporter lines > valid > regex: the output does not match /^total/:\nok test-1\nnot ok test-2\n1/2\n');
  });

  it('requires finish() and an error where one is expected', async () => {
    const noFinish: ReporterModule = { createReporter: () => ({}) as never };
    await expect(testReporter(noFinish, { valid: [{}] }, { framework: null })).rejects.toThrow('createReporter() must return an object with a finish(report) method');
    await expect(testReporter(plugin, { invalid: [{ name: 'no error', error: 'disk' }] }, { framework: null })).rejects.toThrow('expected the reporter to throw ("disk") but it wrote:\nok test-1');
  });
});
