import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JOURNAL_FLUSH_MS, Journal, checkRunId, describeJobs, readRunMeta } from '../src/runner/journal.js';
import type { AtpError } from '../src/diagnostics.js';
import type { JobResult } from '../src/results.js';

const result = (run: number): JobResult => ({
  jobId: `t::a::${run}`, testId: 't', agent: 'a', run, taskId: `id-${run}`, status: 'completed', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 1, attempts: 1,
  response: { status: 'completed', metrics: null, error: null, trace_id: null, artifactCount: 0 }, eventCount: 0, evaluations: [], score: 100, passed: true,
});
const meta = { runId: 'r1', createdAt: '2026-01-01T00:00:00.000Z', suiteName: 's', ...describeJobs([{ id: 't::a::1', testId: 't', agent: 'a', run: 1 }]) };
const lines = (dir: string): string[] => readFileSync(join(dir, 'r1', 'jobs.jsonl'), 'utf8').split('\n').filter(Boolean);

describe('Journal', () => {
  it('group-commits finished jobs within the flush window, in order, and everything on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-journal-'));
    const journal = Journal.create(dir, meta);
    journal.append(result(1));
    journal.append(result(2));
    expect(lines(dir)).toEqual([]);
    await new Promise((r) => setTimeout(r, JOURNAL_FLUSH_MS * 3));
    expect(lines(dir).map((l) => (JSON.parse(l) as JobResult).run)).toEqual([1, 2]);
    journal.append(result(3));
    journal.close();
    expect(lines(dir).map((l) => (JSON.parse(l) as JobResult).run)).toEqual([1, 2, 3]);
  });

  it('writes what is pending when the process exits before the window ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-journal-'));
    const module = pathToFileURL(join(import.meta.dirname, '../dist/runner/journal.js')).href;
    const script = `const { Journal } = await import(${JSON.stringify(module)}); const j = Journal.create(${JSON.stringify(dir)}, ${JSON.stringify(meta)}); j.append(${JSON.stringify(result(7))}); process.exit(0);`;
    execFileSync(process.execPath, ['--input-type=module', '-e', script]);
    expect(lines(dir).map((l) => (JSON.parse(l) as JobResult).jobId)).toEqual(['t::a::7']);
  });

  it('resuming after a last line written without its newline keeps every line whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-journal-'));
    const journal = Journal.create(dir, meta);
    journal.append(result(1));
    journal.close();
    const file = join(dir, 'r1', 'jobs.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').trimEnd()); // complete JSON, newline lost
    const resumed = Journal.resume(dir, 'r1');
    expect([...resumed.done.keys()]).toEqual(['t::a::1']);
    resumed.journal.append(result(2));
    resumed.journal.close();
    expect(lines(dir).map((l) => (JSON.parse(l) as JobResult).run)).toEqual([1, 2]);
  });

  it('refuses run ids that are empty or name a path, and damaged run records, with ATP_RESUME', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atp-journal-'));
    for (const id of ['', '..', '../x', 'a/b']) {
      expect(() => checkRunId(id)).toThrow(/not a run id/);
    }
    expect(() => checkRunId('20261121-233612-ab12cd')).not.toThrow();
    Journal.create(dir, meta).close();
    writeFileSync(join(dir, 'r1', 'meta.json'), '{ "runId": ');
    expect(() => readRunMeta(dir, 'r1')).toThrow(/meta\.json is not valid JSON/);
    writeFileSync(join(dir, 'r1', 'meta.json'), '[]');
    expect(() => readRunMeta(dir, 'r1')).toThrow(/is not an ATP run record/);
    const error = ((): AtpError | undefined => {
      try {
        readRunMeta(dir, 'r1');
      } catch (e) {
        return e as AtpError;
      }
      return undefined;
    })();
    expect(error?.diagnostics[0]?.code).toBe('ATP_RESUME');
    expect(error?.exitCode).toBe(2);
  });

  it('records a digest that changes with the jobs', () => {
    const a = describeJobs([{ id: 'x::a::1', testId: 'x', agent: 'a', run: 1 }]);
    const b = describeJobs([{ id: 'x::a::1', testId: 'x', agent: 'a', run: 1 }, { id: 'x::a::2', testId: 'x', agent: 'a', run: 2 }]);
    expect(a.jobsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(b.jobsDigest).not.toBe(a.jobsDigest);
    expect(b).toMatchObject({ jobCount: 2, agents: ['a'] });
  });
});
