import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { PlanJob } from '../plan.js';
import type { JobResult } from '../results.js';
import { AtpError, diagnostic } from '../diagnostics.js';
import { ErrorCodes } from '../codes.js';

/** What `meta.json` of a run directory records, so `--resume` can check it resumes the same thing. */
export interface RunMeta {
  runId: string;
  createdAt: string;
  suiteFile?: string;
  suiteName: string;
  /** How many jobs the run has. */
  jobCount: number;
  /** SHA-256 of the job ids in order: `--resume` refuses a plan whose jobs differ. */
  jobsDigest: string;
  agents: string[];
  /** The options the run was started with, so `--resume ID` alone resumes the same jobs. */
  options?: ResumableOptions;
}

/**
 * The command-line choices that decide a run's jobs, as `meta.json` keeps them. Adapter config values
 * are not kept (they may hold secrets): only their keys, so a resume can ask for them again.
 */
export interface ResumableOptions {
  runs?: number;
  tags?: string;
  agents?: string[];
  adapter?: string;
  adapterConfigKeys?: string[];
}

/** Run ids are folder names under the runs directory: letters, digits, `.`, `_` and `-`, no path. */
const RUN_ID = /^(?!\.{1,2}$)[\w.-]{1,128}$/;

/** Refuse a run id that is empty or could name a path outside the runs directory. */
export function checkRunId(runId: string): void {
  if (!RUN_ID.test(runId)) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_RESUME, `cannot resume run "${runId}": not a run id`, { hint: 'run ids look like 20261121-233612-ab12cd (the folder names in .atp/runs)' }), { exitCode: 2 });
  }
}

/** Read the `meta.json` of a recorded run, with a located error when it is missing or unreadable. */
export function readRunMeta(runsDir: string, runId: string): RunMeta {
  checkRunId(runId);
  const metaFile = join(runsDir, runId, 'meta.json');
  if (!existsSync(metaFile)) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_RESUME, `cannot resume run "${runId}": ${metaFile} does not exist`, { hint: `run ids are the folder names in ${runsDir}` }), { exitCode: 2 });
  }
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(metaFile, 'utf8'));
  } catch (error) {
    throw new AtpError(diagnostic(ErrorCodes.ATP_RESUME, `cannot resume run "${runId}": ${metaFile} is not valid JSON (${(error as Error).message})`, { hint: 'the run directory was damaged: start a new run without --resume' }), { exitCode: 2 });
  }
  const m = meta as Partial<RunMeta> | null;
  if (!m || typeof m !== 'object' || typeof m.jobsDigest !== 'string' || typeof m.jobCount !== 'number') {
    throw new AtpError(diagnostic(ErrorCodes.ATP_RESUME, `cannot resume run "${runId}": ${metaFile} is not an ATP run record`, { hint: 'the run directory was damaged: start a new run without --resume' }), { exitCode: 2 });
  }
  return m as RunMeta;
}

/** The job count, digest and agents of a run's jobs, as `meta.json` records them. */
export function describeJobs(jobs: readonly PlanJob[]): Pick<RunMeta, 'jobCount' | 'jobsDigest' | 'agents'> {
  const hash = createHash('sha256');
  const agents = new Set<string>();
  for (const j of jobs) {
    hash.update(j.id).update('\n');
    agents.add(j.agent);
  }
  return { jobCount: jobs.length, jobsDigest: hash.digest('hex'), agents: [...agents] };
}

/** Finished jobs are written at most this long after they finish (one write for all of them). */
export const JOURNAL_FLUSH_MS = 50;
/** …or at once when this many bytes wait. */
const FLUSH_BYTES = 64 * 1024;

/**
 * The run journal: one JSON line per finished job in `<runsDir>/<runId>/jobs.jsonl`. Lines are group-committed:
 * written synchronously in one write at most JOURNAL_FLUSH_MS after a job finishes (and on close and process
 * exit), so a killed run (even `kill -9`) loses at most the jobs of that last moment, which `--resume` runs again.
 * One write per job cost about a tenth of the runner's time against a fast agent.
 */
export class Journal {
  readonly dir: string;
  #fd: number;
  #pending: string[] = [];
  #bytes = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #onExit = (): void => this.flush();

  private constructor(dir: string, fd: number) {
    this.dir = dir;
    this.#fd = fd;
    process.on('exit', this.#onExit);
  }

  /** Start a new run directory. */
  static create(runsDir: string, meta: RunMeta): Journal {
    const dir = join(runsDir, meta.runId);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2) + '\n');
    return new Journal(dir, openSync(join(dir, 'jobs.jsonl'), 'a'));
  }

  /**
   * Reopen a run directory for `--resume`: its meta and the jobs already finished (truncated last line ignored).
   * With `expected`, a run recorded for other jobs (the suite, its filters, runs or agents changed) is refused:
   * mixing its results with new ones would report a run that never happened.
   */
  static resume(runsDir: string, runId: string, expected?: Pick<RunMeta, 'jobCount' | 'jobsDigest'>): { journal: Journal; meta: RunMeta; done: Map<string, JobResult> } {
    const meta = readRunMeta(runsDir, runId);
    const dir = join(runsDir, runId);
    if (expected && meta.jobsDigest !== expected.jobsDigest) {
      throw new AtpError(
        diagnostic(ErrorCodes.ATP_RESUME, `cannot resume run "${runId}": it was recorded for other jobs (${meta.jobCount} then, ${expected.jobCount} now); the suite, its tags, runs or agents changed since`, {
          hint: 'resume with the same suite and options, or start a new run without --resume',
        }),
      );
    }
    const done = new Map<string, JobResult>();
    const file = join(dir, 'jobs.jsonl');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    let valid = text.length;
    const lines = text.split('\n');
    let offset = 0;
    for (const line of lines) {
      if (line.trim()) {
        try {
          const r = JSON.parse(line) as JobResult;
          done.set(r.jobId, r);
        } catch {
          // A line cut short by a kill: drop it (and everything after) so the job runs again.
          valid = offset;
          break;
        }
      }
      offset += line.length + 1;
    }
    // Keep what parsed; a last line without its newline gets one, so new lines never join onto it.
    const kept = text.slice(0, valid);
    if (valid < text.length || (kept.length && !kept.endsWith('\n'))) writeFileSync(file, kept.length && !kept.endsWith('\n') ? `${kept}\n` : kept);
    return { journal: new Journal(dir, openSync(file, 'a')), meta, done };
  }

  /** Append one finished job (written within JOURNAL_FLUSH_MS). */
  append(result: JobResult): void {
    const line = JSON.stringify(result) + '\n';
    this.#pending.push(line);
    this.#bytes += line.length;
    if (this.#bytes >= FLUSH_BYTES) this.flush();
    else this.#timer ??= setTimeout(() => this.flush(), JOURNAL_FLUSH_MS).unref();
  }

  /** Write every appended line now. */
  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#fd < 0 || this.#pending.length === 0) return;
    const text = this.#pending.join('');
    this.#pending = [];
    this.#bytes = 0;
    // A write may be short (a full disk, a signal): write the rest, so no line is ever left cut in the middle.
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; ) {
      const written = writeSync(this.#fd, bytes, at, bytes.length - at);
      if (written <= 0) throw new Error(`the run journal in ${this.dir} could not be written`);
      at += written;
    }
  }

  close(): void {
    this.flush();
    process.off('exit', this.#onExit);
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }
}

/** A sortable, readable run id: `20261121-233612-ab12cd`. */
export function newRunId(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${Math.random().toString(36).slice(2, 8)}`;
}
