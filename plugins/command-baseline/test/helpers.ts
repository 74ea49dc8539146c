import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(HERE, '../../..');
/** The real `atp` binary. */
export const ATP_BIN = join(ROOT, 'kernel/bin/atp.js');
/** The scripted agent whose score distribution shifts by SHIFT. */
export const SHIFTING_AGENT = join(HERE, 'fixtures/shifting-agent.mjs');

const created: string[] = [];

/** Remove the temp projects this test file created. */
export function removeTempProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temp project under the repo's .tmp/ (so `@atp/*` resolve through the workspace) with this plugin enabled. */
export function tempProject(files: Record<string, string>): string {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, 'baseline-'));
  created.push(dir);
  const all = { 'atp.config.mjs': "export default { plugins: ['@atp/preset-default', '@atp/command-baseline'] };\n", ...files };
  for (const [name, content] of Object.entries(all)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** The outcome of a command. */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real `atp` binary in `cwd`. */
export function atp(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [ATP_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`atp ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** A fresh state directory for the shifting agent's run numbers. */
export function stateDir(project: string, name: string): string {
  const dir = join(project, 'state', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const markers = Array.from({ length: 10 }, (_, i) => `      - {type: contains, id: m${i}, config: {pattern: MARKER-${i}}}`).join('\n');

/**
 * A suite of two tests, each asserting the 10 markers, against the shifting agent; `agents` maps an
 * agent name to its SHIFT (the agents read SEED and AGENT_STATE_DIR from the harness environment).
 */
export function shiftingSuite(agents: Record<string, string | undefined>): string {
  const blocks = Object.entries(agents).map(
    ([name, shift]) => `  - name: ${name}
    type: cli
    config:
      command: ${JSON.stringify(process.execPath)}
      args: [${JSON.stringify(SHIFTING_AGENT)}]
      environment: {AGENT_ID: ${name}${shift !== undefined ? `, SHIFT: "${shift}"` : ''}}
      allowed_env_vars: [SEED, SHIFT, AGENT_STATE_DIR]`,
  );
  return `test_suite: shifting
agents:
${blocks.join('\n')}
tests:
  - id: t-alpha
    name: Alpha task
    task: {description: produce the markers}
    assertions:
${markers}
  - id: t-beta
    name: Beta task
    task: {description: produce the markers again}
    assertions:
${markers}
`;
}
