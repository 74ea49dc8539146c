import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runAtp } from '@atp/testkit/e2e';
import { shiftingSuite, stateDir, tempProject } from './helpers.js';

afterAll(removeTempDirs);

const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

interface ComparisonJson {
  summary: { regressions: number; improvements: number; no_changes: number; has_regressions: boolean };
  comparisons: Array<{ test_id: string; change_type: string; delta: number; statistics: { p_value: number; is_significant: boolean; ci_95_of_delta: [number, number] } }>;
}

describe('atp baseline (real binary, scripted agent)', { timeout: 300_000 }, () => {
  it('acceptance: a known score shift is a significant regression at n = 10, no shift is not', async () => {
    const dir = tempProject({ 'suite.yaml': shiftingSuite({ scripted: undefined }) });

    const save = await runAtp(['baseline', 'save', 'suite.yaml', '-o', 'baseline.json', '--runs', '10'], dir, { SEED: 'baseline', AGENT_STATE_DIR: stateDir(dir, 'save') });
    expect(save.code, save.stderr).toBe(0);
    expect(save.stdout).toContain('Baseline of suite "shifting", agent "scripted", 10 runs per test');
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8')) as { runs_per_test: number; tests: Record<string, { scores: number[]; n_runs: number; mean_score: number; mean_tokens: number; mean_cost: number }> };
    expect(baseline.runs_per_test).toBe(10);
    expect(Object.keys(baseline.tests)).toEqual(['t-alpha', 't-beta']);
    for (const t of Object.values(baseline.tests)) {
      expect(t.n_runs).toBe(10);
      expect(t.scores).toHaveLength(10);
      // Scores include the assertions: 30 + 70 × (markers found / 10), so they vary with the markers.
      for (const s of t.scores) expect([30, 37, 44, 51, 58, 65, 72, 79, 86, 93, 100]).toContain(s);
      expect(new Set(t.scores).size).toBeGreaterThan(1);
      expect(t.mean_tokens).toBeGreaterThan(100);
      expect(t.mean_cost).toBeGreaterThan(0);
    }

    // SHIFT = 0.3: each marker is found with probability 0.6 instead of 0.9 (expected Δ = −21 points).
    const shifted = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--fail-on-regression', '--output-file', 'shifted.json'], dir, {
      SEED: 'current',
      SHIFT: '0.3',
      AGENT_STATE_DIR: stateDir(dir, 'shifted'),
    });
    expect(shifted.code, shifted.stderr).toBe(1);
    expect(shifted.stdout).toMatch(/t-alpha Alpha task\s+regression/);
    expect(shifted.stdout).toMatch(/t-beta Beta task\s+regression/);
    expect(shifted.stdout).toContain('Summary: 2 regressions, 0 improvements, 0 unchanged, 0 new, 0 removed');
    const shiftedJson = JSON.parse(readFileSync(join(dir, 'shifted.json'), 'utf8')) as ComparisonJson;
    expect(shiftedJson.summary).toMatchObject({ regressions: 2, has_regressions: true });
    for (const c of shiftedJson.comparisons) {
      expect(c.change_type).toBe('regression');
      expect(c.statistics.p_value).toBeLessThan(0.05);
      expect(c.statistics.ci_95_of_delta[1]).toBeLessThan(0);
    }

    // No shift, a different seed: sampling noise only — no regression, exit 0.
    const same = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--fail-on-regression', '--json'], dir, { SEED: 'current', AGENT_STATE_DIR: stateDir(dir, 'same') });
    expect(same.code, same.stderr).toBe(0);
    const sameJson = JSON.parse(same.stdout) as ComparisonJson;
    expect(sameJson.summary).toMatchObject({ regressions: 0, improvements: 0, no_changes: 2, has_regressions: false });
    for (const c of sameJson.comparisons) {
      expect(c.statistics.is_significant).toBe(false);
      expect(c.statistics.ci_95_of_delta[0]).toBeLessThan(0);
      expect(c.statistics.ci_95_of_delta[1]).toBeGreaterThan(0);
    }

    // Without --fail-on-regression a regression is reported but the exit code stays 0.
    const report = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'baseline.json', '--runs', '10'], dir, { SEED: 'again', SHIFT: '0.3', AGENT_STATE_DIR: stateDir(dir, 'again') });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('regression');
  });

  it('bad input: clear errors, exit 2, no stack trace, nothing run', async () => {
    const dir = tempProject({
      'suite.yaml': shiftingSuite({ a: undefined, b: '0.1' }),
      'broken.json': '{\n  "version": "1.0",\n  "tests": {,\n}\n',
      'wrong.json': JSON.stringify({ version: '2.0', created_at: 'x', suite_name: 's', agent_name: 'a', runs_per_test: 0, tests: { t: { test_id: 'u' } } }),
    });
    const env = { AGENT_STATE_DIR: stateDir(dir, 'x') };
    const missing = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'nope.json'], dir, env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json: error cannot read baseline: file not found [ATP_DATA_FILE]');
    expect(missing.stderr).toContain('hint: create one with: atp baseline save SUITE -o baseline.json --runs 10');
    noStack(missing.stderr);

    const broken = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'broken.json'], dir, env);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^broken\.json:3:13: error baseline is not valid JSON: .* \[ATP_DATA_FILE\]$/m);
    noStack(broken.stderr);

    const wrong = await runAtp(['baseline', 'compare', 'suite.yaml', '-b', 'wrong.json'], dir, env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('baseline version: unsupported baseline version "2.0" (this ATP reads "1.0")');
    expect(wrong.stderr).toContain('baseline runs_per_test: Too small: expected number to be >=1');
    expect(wrong.stderr).toContain('baseline tests.t.test_name: Invalid input: expected string, received undefined');

    const usage = [
      [['baseline'], 'atp baseline needs save or compare'],
      [['baseline', 'restore', 'suite.yaml'], 'unknown baseline command "restore": expected save or compare'],
      [['baseline', 'save', 'suite.yaml', '--agent', 'a'], 'atp baseline save needs the output file'],
      [['baseline', 'save', 'suite.yaml', '-o', 'b.json', '--agent', 'a', '--agent', 'b'], 'a baseline holds one agent, but --agent was given 2 times'],
      [['baseline', 'save', 'suite.yaml', '-o', 'b.json', '--fail-on-regression'], 'atp baseline save does not take --fail-on-regression'],
      [['baseline', 'save', 'suite.yaml', '-o', 'b.json', '--runs', 'ten'], '--runs expects a whole number ≥ 1, got "ten"'],
      [['baseline', 'compare', 'suite.yaml'], 'atp baseline compare needs the baseline file'],
      [['baseline', 'compare', 'suite.yaml', '-b', 'x.json', '--alpha', '5'], '--alpha expects a number between 0 and 1, got "5"'],
      [['trend'], 'atp trend needs JSON reports'],
    ] as const;
    for (const [args, message] of usage) {
      const r = await runAtp([...args], dir, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      noStack(r.stderr);
    }
    // The baseline is read before the suite runs: the agent was never started.
    expect(readdirSync(env.AGENT_STATE_DIR)).toEqual([]);
  });

  it('atp --help lists the commands of the plugin', async () => {
    const dir = tempProject({});
    const help = await runAtp(['--help'], dir);
    expect(help.stdout).toMatch(/baseline save\|compare SUITE\s+save per-test score statistics.*\(@atp\/command-baseline\)/);
    expect(help.stdout).toMatch(/trend REPORT\.json\.\.\.\s+success rate and score over saved JSON reports/);
    const baselineHelp = await runAtp(['baseline', '--help'], dir);
    expect(baselineHelp.stdout).toContain('--fail-on-regression');
  });
});

describe('comparing agents: atp test --agent … --output compare (real binary)', { timeout: 300_000 }, () => {
  it('three agents run concurrently: ranking with intervals and significant differences', async () => {
    const dir = tempProject({ 'suite.yaml': shiftingSuite({ steady: '0', close: '0.05', worse: '0.4' }) });
    const r = await runAtp(['test', 'suite.yaml', '--agent', 'steady', '--agent', 'close', '--agent', 'worse', '--runs', '8', '--parallel', '3', '--output', 'compare'], dir, {
      SEED: 'agents',
      AGENT_STATE_DIR: stateDir(dir, 'agents'),
    });
    // Some runs miss markers, so tests fail: exit 1 from atp test, the comparison is still printed.
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('Agent comparison — suite "shifting", 3 agents, 8 runs per test, α = 0.05');
    const ranking = r.stdout.split('\n').filter((l) => /^ {2}[123] {2}\w+ /.test(l));
    expect(ranking.map((l) => l.trim().split(/\s+/)[1])).toEqual(['steady', 'close', 'worse']);
    // Each agent's score comes with its interval, and so does its pass rate.
    for (const line of ranking) expect(line).toMatch(/\d+\.\d\d {2}\[\d+\.\d\d, \d+\.\d\d\] +\d+\.\d% {2}\[\d+\.\d%, \d+\.\d%\]/);
    expect(r.stdout).toMatch(/steady vs worse\s+\+\d+\.\d\d .* steady better/);
    expect(r.stdout).toMatch(/close vs worse\s+\+\d+\.\d\d .* close better/);
    expect(r.stdout).toContain("Overall differences (Welch's t-test over the tests, each test weighing the same)");

    // The same comparison as JSON through --output-file, with reporter options from the config.
    writeFileSync(join(dir, 'atp.config.mjs'), "export default { plugins: ['@atp/preset-default', '@atp/command-baseline'], reporters: { compare: { format: 'json' } } };\n");
    const json = await runAtp(['test', 'suite.yaml', '--agent', 'steady', '--agent', 'worse', '--runs', '8', '--output', 'compare', '--output-file', 'compare.json'], dir, {
      SEED: 'agents',
      AGENT_STATE_DIR: stateDir(dir, 'agents-json'),
    });
    expect(json.code, json.stderr).toBe(1);
    const c = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')) as { agents: string[]; overall: { ranking: Array<{ agent: string; ci95: [number, number] }>; pairs: Array<{ better: string | null; p_adjusted: number }> } };
    expect(c.agents).toEqual(['steady', 'worse']);
    expect(c.overall.ranking.map((x) => x.agent)).toEqual(['steady', 'worse']);
    expect(c.overall.pairs[0]).toMatchObject({ better: 'steady' });
    expect(c.overall.pairs[0]!.p_adjusted).toBeLessThan(0.05);
  });
});

describe('atp trend (real binary, reports written by @atp/reporter-json)', { timeout: 300_000 }, () => {
  it('a declining agent is a significant regression; the reverse order is not', async () => {
    const dir = tempProject({ 'suite.yaml': shiftingSuite({ scripted: undefined }) });
    const shifts = ['0', '0.15', '0.3', '0.45'];
    for (const [i, shift] of shifts.entries()) {
      const r = await runAtp(['test', 'suite.yaml', '--runs', '3', '-o', 'json', '--output-file', `reports/run-${i}.json`], dir, { SEED: `trend-${i}`, SHIFT: shift, AGENT_STATE_DIR: stateDir(dir, `trend-${i}`) });
      expect([0, 1], r.stderr).toContain(r.code);
    }
    const files = shifts.map((_, i) => `reports/run-${i}.json`);
    const declining = await runAtp(['trend', ...files.reverse(), '--exit-on-regression'], dir);
    expect(declining.code, declining.stderr).toBe(1);
    expect(declining.stdout).toContain('Trend over 4 reports');
    expect(declining.stdout).toMatch(/mean score: slope -\d+\.\d\d points per report .* → significant decline/);
    expect(declining.stdout).toContain('Regression: the trend declines significantly');
    // The report order comes from generated_at, not from the command line.
    expect(declining.stdout.indexOf('reports/run-0.json')).toBeLessThan(declining.stdout.indexOf('reports/run-3.json'));

    const asJson = await runAtp(['trend', ...files, '--json'], dir);
    expect(asJson.code).toBe(0);
    const trend = JSON.parse(asJson.stdout) as { reports: Array<{ mean_score: number }>; mean_score: { slope: number; p_value: number; regression: boolean }; regression: boolean };
    expect(trend.reports).toHaveLength(4);
    expect(trend.mean_score.slope).toBeLessThan(-5);
    expect(trend.mean_score).toMatchObject({ regression: true });
    // A decline of ~10 points per report does not clear a threshold of 50.
    const lenient = await runAtp(['trend', ...files, '--threshold', '50', '--exit-on-regression'], dir);
    expect(lenient.code).toBe(0);

    // Relabel the reports so the agent improves over time: no regression.
    for (const [i, file] of files.sort().entries()) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { generated_at: string };
      data.generated_at = `2030-01-0${4 - i}T00:00:00.000Z`;
      writeFileSync(join(dir, file), JSON.stringify(data));
    }
    const improving = await runAtp(['trend', ...files, '--exit-on-regression'], dir);
    expect(improving.code, improving.stdout).toBe(0);
    expect(improving.stdout).toContain('No significant decline');

    const bad = await runAtp(['trend', 'reports/run-0.json', 'suite.yaml', 'missing.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('suite.yaml: error cannot read report: not valid JSON');
    expect(bad.stderr).toContain('missing.json: error cannot read report: file not found');
    noStack(bad.stderr);
  });
});
