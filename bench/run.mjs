#!/usr/bin/env node
// Run-throughput benchmark: N jobs through the real runner (SDK, journal on, evaluation on) against a keep-alive
// HTTP echo agent and a persistent cli agent on 127.0.0.1, compared with a bare keep-alive HTTP client loop.
// Usage: node bench/run.mjs [--jobs 1000,10000] [--parallel 8] [--repeat 3]     (run `npm run build` first)
// Each size is measured --repeat times, the bare loop and the runner alternating, and the medians are reported:
// on a shared 2-core machine one pair of runs can be off by ±20%.
//        node bench/run.mjs --jobs 100000 --only http               (peak RSS at 100,000 jobs)
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { jobs: { type: 'string', default: '1000,10000' }, parallel: { type: 'string', default: '8' }, only: { type: 'string' }, child: { type: 'string' }, 'bare-port': { type: 'string' }, 'bare-jobs': { type: 'string' }, repeat: { type: 'string', default: '3' } } });
const repeat = Math.max(1, Number(values.repeat));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sizes = values.jobs.split(',').map(Number);
const parallel = Number(values.parallel);
const { loadKernel, run } = await import(join(root, 'kernel/dist/index.js'));

let work;
if (!values.child) {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(join(root, '.tmp', 'bench-run-'));
}


function startServer() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bench/agents/echo-http.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', (d) => resolve({ child, port: Number(String(d).trim()) }));
  });
}

function suite(jobs, agentYaml) {
  // 100 tests × (jobs / 100) runs: many jobs without a huge YAML file.
  const tests = Math.min(100, jobs);
  const runs = Math.ceil(jobs / tests);
  const body = Array.from({ length: tests }, (_, i) => `  - id: t${i}\n    name: test ${i}\n    task: { description: "echo ${i}" }\n    assertions:\n      - type: artifact_exists\n        config: { path: out.txt }\n`).join('');
  const file = join(work, `suite-${jobs}-${Math.random().toString(36).slice(2, 6)}.yaml`);
  writeFileSync(file, `test_suite: bench\ndefaults:\n  runs_per_test: ${runs}\nagents:\n${agentYaml}\ntests:\n${body}`);
  return { file, total: tests * runs };
}

async function bareLoop(port, n) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: parallel });
  let next = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ version: '1.0', task_id: `t${next}`, task: { description: 'echo' } });
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks = [];
        res.on('data', (d) => chunks.push(d));
        res.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve();
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  const t0 = performance.now();
  await Promise.all(Array.from({ length: parallel }, async () => {
    while (next < n) {
      next++;
      await one();
    }
  }));
  agent.destroy();
  return performance.now() - t0;
}

// Each measured run happens in a fresh child process so its peak RSS is the runner's alone.
async function runChild(file) {
  const kernel = await loadKernel({ cwd: dirname(file) });
  const t0 = performance.now();
  const report = await run(file, { kernel, parallel, journal: true, runsDir: join(dirname(file), 'runs') });
  const ms = performance.now() - t0;
  if (!report.summary.success) throw new Error(`benchmark run failed: ${JSON.stringify(report.summary)}`);
  // Heap still reachable after a full GC: what the run retains, as opposed to what V8 had not collected yet.
  globalThis.gc?.();
  globalThis.gc?.();
  return { ms, rss: process.resourceUsage().maxRSS * 1024, retained: process.memoryUsage().heapUsed };
}

// The bare loop also runs in a fresh process, so both sides start with the same cold JIT.
async function timedBare(port, n) {
  return (await inChild(['--bare-port', String(port), '--bare-jobs', String(n)])).ms;
}

function timedRun(file) {
  return inChild(['--child', file]);
}

function inChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...args, '--parallel', String(parallel)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`benchmark child exited with ${code}`))));
  });
}

if (values['bare-port']) {
  process.stdout.write(JSON.stringify({ ms: await bareLoop(Number(values['bare-port']), Number(values['bare-jobs'])) }));
  process.exit(0);
}

if (values.child) {
  const result = await runChild(values.child);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

const rows = [];
// Medians over the repeats; the ratio is the median of each pair's ratio (bare and runner measured back to back).
function summarize(agent, jobs, runs) {
  const withBare = runs.filter((r) => r.bare !== undefined);
  return {
    agent,
    jobs,
    ms: median(runs.map((r) => r.ms)),
    bare: withBare.length ? median(withBare.map((r) => r.bare)) : undefined,
    ratio: withBare.length ? median(withBare.map((r) => r.bare / r.ms)) : undefined,
    overhead: withBare.length ? median(withBare.map((r) => (r.ms - r.bare) / jobs)) : undefined,
    rss: Math.max(...runs.map((r) => r.rss)),
    retained: median(runs.map((r) => r.retained)),
  };
}
const { child: server, port } = await startServer();
try {
  for (const n of sizes) {
    if (!values.only || values.only === 'http') {
      const { file, total } = suite(n, `  - name: echo\n    type: http\n    config: { endpoint: "http://127.0.0.1:${port}/", allow_internal: true }\n`);
      const runs = [];
      for (let r = 0; r < repeat; r++) {
        const bare = await timedBare(port, total);
        runs.push({ bare, ...(await timedRun(file)) });
      }
      rows.push(summarize('http keep-alive', total, runs));
    }
    if (!values.only || values.only === 'cli') {
      const { file, total } = suite(n, `  - name: echo\n    type: cli\n    config: { command: node, args: ["${join(root, 'bench/agents/echo-persistent.mjs')}"], persistent: true, max_concurrency: ${parallel} }\n`);
      const runs = [];
      for (let r = 0; r < repeat; r++) runs.push(await timedRun(file));
      rows.push(summarize('cli persistent', total, runs));
    }
  }
} finally {
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

console.log(`parallel ${parallel}; ${repeat} repeat(s), medians; runner = SDK run() with journal and evaluation (artifact_exists) per job, in its own process (peak RSS = the largest max RSS of the repeats)`);
console.log('agent             jobs     jobs/s   bare jobs/s   % of bare   overhead/job   peak RSS   heap after GC');
for (const r of rows) {
  const jps = (r.jobs / r.ms) * 1000;
  const bjps = r.bare ? (r.jobs / r.bare) * 1000 : undefined;
  const overhead = r.overhead !== undefined ? `${r.overhead.toFixed(3)} ms` : '—';
  console.log(
    `${r.agent.padEnd(16)} ${String(r.jobs).padStart(6)} ${jps.toFixed(0).padStart(10)} ${bjps ? bjps.toFixed(0).padStart(13) : '            —'} ${r.ratio !== undefined ? `${(r.ratio * 100).toFixed(0)}%`.padStart(11) : '          —'} ${overhead.padStart(14)} ${(r.rss / 1048576).toFixed(0).padStart(7)} MB ${(r.retained / 1048576).toFixed(0).padStart(11)} MB`,
  );
}
console.log('goals: ≥ 50% of the bare loop; peak RSS under 200 MB at 100,000 jobs (node bench/run.mjs --jobs 100000 --only http)');
