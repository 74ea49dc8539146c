import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawnInGroup } from '@atp/subprocess';
import { eventually, isDead } from '@atp/testkit';
import { killTree, processTree, terminateTree } from '../src/tree-kill.js';

const linux = process.platform === 'linux';
const tmp = mkdtempSync(join(tmpdir(), 'atp-tree-kill-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Every pid a test started, killed afterwards whatever happened.
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/**
 * Start `node -e <leader>` as a group leader (as the cli adapter does). The leader starts a child in
 * its group and a grandchild in a session of its own (detached: setsid) which starts a child of its
 * own; all of them ignore SIGTERM. Resolves with the pids once all are written to a file.
 */
async function startTree(name: string): Promise<{ root: number; child: number; escaped: number; escapedChild: number }> {
  const file = join(tmp, `${name}.json`);
  const stubborn = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";
  const escaped = `
    const { spawn } = require('node:child_process');
    process.on('SIGTERM', () => {});
    const c = spawn(process.execPath, ['-e', ${JSON.stringify(stubborn)}], { stdio: 'ignore' });
    process.stdout.write(String(c.pid) + '\\n');
    setInterval(() => {}, 1000);`;
  const leader = `
    const { spawn } = require('node:child_process');
    const { writeFileSync } = require('node:fs');
    process.on('SIGTERM', () => {});
    const child = spawn(process.execPath, ['-e', ${JSON.stringify(stubborn)}], { stdio: 'ignore' });
    const escaped = spawn(process.execPath, ['-e', ${JSON.stringify(escaped)}], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    escaped.stdout.once('data', (d) => {
      writeFileSync(${JSON.stringify(file)}, JSON.stringify({ child: child.pid, escaped: escaped.pid, escapedChild: Number(String(d).trim()) }));
    });
    setInterval(() => {}, 1000);`;
  const proc = spawnInGroup(process.execPath, ['-e', leader], { stdio: 'ignore' });
  const root = proc.pid!;
  started.push(root);
  expect(await eventually(() => existsSync(file) && readFileSync(file, 'utf8') !== '', 10_000)).toBe(true);
  const pids = JSON.parse(readFileSync(file, 'utf8')) as { child: number; escaped: number; escapedChild: number };
  started.push(pids.child, pids.escaped, pids.escapedChild);
  return { root, ...pids };
}

/** pgid and session id of a live process, from /proc. */
function groupOf(pid: number): { pgid: number; sid: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const [, , pgid, sid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pgid: Number(pgid), sid: Number(sid) };
}

describe.runIf(linux)('process-tree kill (Linux)', () => {
  it('finds a descendant that left the process group with setsid(), and SIGKILLs the whole tree', async () => {
    const tree = await startTree('kill');
    // The escaped grandchild is out of reach of a group kill: other group, other session.
    expect(groupOf(tree.escaped)).toEqual({ pgid: tree.escaped, sid: tree.escaped });
    expect(groupOf(tree.escapedChild).pgid).toBe(tree.escaped);
    expect(groupOf(tree.child).pgid).toBe(tree.root);
    expect(processTree(tree.root).map((p) => p.pid).sort((a, b) => a - b)).toEqual([tree.root, tree.child, tree.escaped, tree.escapedChild].sort((a, b) => a - b));

    killTree(tree.root);
    for (const pid of [tree.root, tree.child, tree.escaped, tree.escapedChild]) expect(await eventually(() => isDead(pid)), `pid ${pid}`).toBe(true);
  });

  it('terminateTree: SIGTERM, then SIGKILL after the grace period for those that ignore it, escaped ones included', async () => {
    const tree = await startTree('terminate');
    const t0 = Date.now();
    await terminateTree(tree.root, 300);
    // Everything ignores SIGTERM: the SIGKILL comes after the grace period.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    for (const pid of [tree.root, tree.child, tree.escaped, tree.escapedChild]) expect(await eventually(() => isDead(pid)), `pid ${pid}`).toBe(true);
  });

  it('leaves unrelated processes alone and never includes the harness', async () => {
    const tree = await startTree('other');
    const bystander = spawnInGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    started.push(bystander.pid!);
    const members = processTree(tree.root).map((p) => p.pid);
    expect(members).not.toContain(bystander.pid);
    expect(members).not.toContain(process.pid);
    killTree(tree.root);
    expect(await eventually(() => isDead(tree.escaped))).toBe(true);
    expect(isDead(bystander.pid!)).toBe(false);
  });
});

describe.runIf(!linux)('process-tree kill (no /proc)', () => {
  it('falls back to the process group', async () => {
    const proc = spawnInGroup(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    started.push(proc.pid!);
    expect(processTree(proc.pid!)).toEqual([]);
    killTree(proc.pid!);
    expect(await eventually(() => isDead(proc.pid!))).toBe(true);
  });
});
