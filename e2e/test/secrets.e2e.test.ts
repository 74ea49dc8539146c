import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atp, tempProject } from './helpers.js';

const TOKEN = 'tok_SUPERSECRET_123';
const PLAIN_KEY = 'plainkey-4567';

/** An agent that echoes the credentials it received: in its error, an event and an artifact. */
let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const request = JSON.parse(body) as { task_id: string };
      const echo = `${String(req.headers.authorization)} / ${String(req.headers['x-api-key'])}`;
      res.setHeader('content-type', 'text/event-stream');
      res.write(`data: ${JSON.stringify({ event_type: 'error', payload: { message: `denied ${echo}` } })}\n\n`);
      res.end(`event: response\ndata: ${JSON.stringify({ task_id: request.task_id, status: 'failed', artifacts: [{ path: 'log.txt', content: echo }], error: `auth failed for ${echo}` })}\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agent`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('secrets', { timeout: 60_000 }, () => {
  it('an agent echoing its credentials never gets them into the console, reports or the journal', async () => {
    const suite = `test_suite: secrets
agents:
  - name: h
    type: http
    config:
      endpoint: "${url}"
      allow_internal: true
      headers: { Authorization: "Bearer \${SERVICE_TOKEN}", X-Api-Key: "${PLAIN_KEY}" }
tests:
  - id: t
    name: echoes credentials
    task: { description: hi }
    assertions:
      - { type: contains, config: { path: log.txt, pattern: nothing-like-this } }
      - { type: no_errors }
`;
    const dir = tempProject({ 'suite.yaml': suite });
    const r = await atp(['test', 'suite.yaml', '-v', '--output', 'console,json,junit,html', '--output-dir', 'reports'], dir, { SERVICE_TOKEN: TOKEN });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('auth failed for *** / ***');
    const runDir = join(dir, '.atp/runs', readdirSync(join(dir, '.atp/runs'))[0]!);
    const texts = [r.stdout, r.stderr, ...readdirSync(join(dir, 'reports')).map((f) => readFileSync(join(dir, 'reports', f), 'utf8')), ...readdirSync(runDir).map((f) => readFileSync(join(runDir, f), 'utf8'))];
    expect(texts.length).toBe(7); // stdout, stderr, json + xml + html, meta.json + jobs.jsonl
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(PLAIN_KEY);
    }
    const plan = await atp(['plan', 'suite.yaml', '--json'], dir, { SERVICE_TOKEN: TOKEN });
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('"X-Api-Key": "***"');
    expect(plan.stdout).not.toContain(PLAIN_KEY);
    expect(plan.stdout).not.toContain(TOKEN);
  });
});
