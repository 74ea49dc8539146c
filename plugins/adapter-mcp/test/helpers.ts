import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '@atp/kernel';
import type { ATPRequest, AdapterInit } from '@atp/kernel';
import { freePort, sampleRequest } from '@atp/testkit';
import { tempProject as makeProject } from '@atp/testkit/e2e';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../..');
export const FIXTURES = join(here, 'fixtures');
/** The reference server, as installed at the repository root. */
export const EVERYTHING = join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');

export const init: AdapterInit = { agent: 'test-server', baseDir: FIXTURES, logger: silentLogger };

/** A valid ATP request. */
export function makeRequest(taskId: string, inputData: Record<string, unknown> | null, description = 'do the thing'): ATPRequest {
  return sampleRequest({ task_id: taskId, description, input_data: inputData });
}

/** The lines of a file (none when it does not exist). */
export function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

/** A temp project under the repository's .tmp/ (so `@atp/*` resolve through the workspace) with this plugin enabled. */
export function tempProject(files: Record<string, string>): string {
  return makeProject(files, { prefix: 'mcp-', plugins: ['@atp/preset-default', '@atp/adapter-mcp'] });
}

/** Start the reference server in an HTTP mode (`streamableHttp` or `sse`) on a free port; resolves once it listens. */
export async function startHttpEverything(mode: 'streamableHttp' | 'sse', fixedPort?: number): Promise<{ port: number; child: ChildProcess }> {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, [EVERYTHING, mode], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolveStart, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server-everything ${mode} did not start: ${seen}`)), 60_000);
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (/listening on port|running on port/i.test(seen)) {
        clearTimeout(timer);
        resolveStart();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server-everything ${mode} exited with ${code}: ${seen}`));
    });
  });
  return { port, child };
}
