#!/usr/bin/env node
// Start-up benchmark: times `atp --version` and `atp plugins list` against bare `node -e 0`.
// Usage: node bench/startup.mjs [runs]   (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const atp = join(root, 'kernel/bin/atp.js');
const runs = Number(process.argv[2] ?? 20);

// A project directory inside the repo so the default preset resolves through the workspace.
mkdirSync(join(root, '.tmp'), { recursive: true });
const project = mkdtempSync(join(root, '.tmp', 'bench-startup-'));
writeFileSync(join(project, 'package.json'), '{"name":"bench-startup","private":true}\n');

function time(args) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs fill the OS file cache
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

const node = time(['-e', '0']);
const version = time([atp, '--version']);
const list = time([atp, 'plugins', 'list']);
const row = (name, ms) => `${name.padEnd(22)} ${ms.toFixed(1).padStart(8)} ms   ${(ms / node).toFixed(2)}× node`;
console.log(`median of ${runs} runs (after 2 warm-ups)`);
console.log(row('node -e 0', node));
console.log(row('atp --version', version));
console.log(row('atp plugins list', list));
console.log(`goal: atp --version within 1.5× of node start — ${version / node <= 1.5 ? 'met' : 'NOT met'}`);
