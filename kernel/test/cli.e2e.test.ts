import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, ROOT, tempProject } from './helpers.js';

const kernelVersion = (JSON.parse(readFileSync(join(ROOT, 'kernel/package.json'), 'utf8')) as { version: string }).version;

const LOCAL_PLUGIN = `
import { definePlugin } from '@atp/kernel';
import { z } from 'zod';
export default definePlugin({
  name: 'atp-plugin-local',
  apiVersion: 1,
  version: '1.2.3',
  commands: [{ name: 'hello', usage: 'hello NAME', description: 'say hello', load: async () => ({
    options: { shout: { type: 'boolean', description: 'louder' } },
    run: ({ args, options, stdout, kernel }) => {
      const text = 'hello ' + (args[0] ?? 'world') + ' parallel=' + kernel.config.defaults.parallel + ' env=' + process.env.FROM_DOTENV;
      stdout((options.shout ? text.toUpperCase() : text) + '\\n');
      return 0;
    },
  }) }],
  evaluators: [{ name: 'always_pass', description: 'passes', configSchema: z.object({}).strict(), load: async () => ({ createEvaluator: () => ({ evaluate: () => ({ checks: [{ name: 'ok', passed: true, score: 1 }] }) }) }) }],
});
`;

const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('atp CLI host (real binary, temp projects)', { timeout: 60_000 }, () => {
  it('--version prints the kernel version', async () => {
    const dir = tempProject({});
    const r = await atp(['--version'], dir);
    expect(r).toEqual({ code: 0, stdout: `${kernelVersion}\n`, stderr: '' });
  });

  it('runs a command and lists registrations from a local plugin named in atp.config.ts', async () => {
    const dir = tempProject({
      'atp.config.ts': `import { defineConfig } from '@atp/kernel';\nconst parallel: number = 3;\nexport default defineConfig({ plugins: ['./local-plugin.mjs'], defaults: { parallel } });\n`,
      'local-plugin.mjs': LOCAL_PLUGIN,
      '.env': 'FROM_DOTENV=yes\n',
    });
    const hello = await atp(['hello', 'ada', '--shout'], dir);
    expect(hello).toEqual({ code: 0, stdout: 'HELLO ADA PARALLEL=3 ENV=YES\n', stderr: '' });

    // ATP_* environment beats the config file.
    const env = await atp(['hello'], dir, { ATP_PARALLEL: '7' });
    expect(env.stdout).toBe('hello world parallel=7 env=yes\n');

    const list = await atp(['plugins', 'list', '--json'], dir);
    expect(list.code).toBe(0);
    const json = JSON.parse(list.stdout) as { plugins: Array<{ name: string; source: string }>; registrations: Array<{ kind: string; name: string; plugin: string }> };
    expect(json.plugins).toContainEqual({ name: 'atp-plugin-local', version: '1.2.3', source: './local-plugin.mjs' });
    expect(json.registrations).toContainEqual({ kind: 'command', name: 'hello', description: 'say hello', plugin: 'atp-plugin-local' });
    expect(json.registrations).toContainEqual({ kind: 'evaluator', name: 'always_pass', description: 'passes', plugin: 'atp-plugin-local' });

    const evaluators = await atp(['plugins', 'list', '--type', 'evaluator'], dir);
    expect(evaluators.stdout).toContain('always_pass  passes  [atp-plugin-local]');
    expect(evaluators.stdout).not.toContain('hello');

    const help = await atp(['--help'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/hello NAME\s+say hello {2}\(atp-plugin-local\)/);
    expect(help.stdout).toMatch(/test SUITE\.\.\.\s+run suites against agents/);

    const cmdHelp = await atp(['hello', '--help'], dir);
    expect(cmdHelp.stdout).toContain('--shout');

    const info = await atp(['plugins', 'info', 'atp-plugin-local'], dir);
    expect(info.stdout).toContain('atp-plugin-local@1.2.3');
    expect(info.stdout).toContain('always_pass  passes');
  });

  it('a TypeScript config with a syntax error gives a located error, exit 2, no stack', async () => {
    const dir = tempProject({ 'atp.config.ts': `export default {\n  plugins: [,\n  defaults: { parallel: 2 }\n` });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^atp\.config\.ts:3:11: error Expected "\]" but found ":" \[ATP_CONFIG_LOAD\]\n.*\n.*\n> 3 \| {3}defaults: \{ parallel: 2 \}\n/);
    noStack(r.stderr);
  });

  it('a YAML config with an unknown key points at the key with a suggestion', async () => {
    const dir = tempProject({ 'atp.config.yaml': `plugins: []\ndefault:\n  parallel: 2\n` });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('atp.config.yaml:2:1: error unknown config key "default" — did you mean "defaults"? [ATP_CONFIG_INVALID]');
    expect(r.stderr).toContain('> 2 | default:');
  });

  it('a config value of the wrong type is located', async () => {
    const dir = tempProject({ 'atp.config.json': `{\n  "plugins": [],\n  "defaults": { "parallel": "four" }\n}\n` });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/atp\.config\.json:3:29: error defaults\.parallel: .*number.* \[ATP_CONFIG_INVALID\]/);
  });

  it('a plugin that throws at import names the plugin and the cause', async () => {
    const dir = tempProject({
      'atp.config.mjs': `export default { plugins: ['./boom.mjs'] };\n`,
      'boom.mjs': `throw new Error('cannot initialise the widget');\n`,
    });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error plugin "./boom.mjs" failed to import: cannot initialise the widget [ATP_PLUGIN_IMPORT]');
    noStack(r.stderr);
  });

  it('a duplicate registration names both plugins', async () => {
    const dir = tempProject({
      'atp.config.json': JSON.stringify({ plugins: ['./a.mjs', './b.mjs'] }),
      'a.mjs': LOCAL_PLUGIN,
      'b.mjs': LOCAL_PLUGIN.replace("'atp-plugin-local'", "'atp-plugin-copy'"),
    });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error evaluator "always_pass" is registered by both "atp-plugin-local" and "atp-plugin-copy" [ATP_PLUGIN_DUPLICATE]');
  });

  it('an unknown plugin name says how to install it', async () => {
    const dir = tempProject({ 'atp.config.json': JSON.stringify({ plugins: ['atp-plugin-does-not-exist'] }) });
    const r = await atp(['plugins', 'list'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error plugin "atp-plugin-does-not-exist" is not installed');
    expect(r.stderr).toContain('hint: install it: npm install --save-dev atp-plugin-does-not-exist');
  });

  it('usage errors exit 2 with a suggestion', async () => {
    const dir = tempProject({ 'atp.config.json': JSON.stringify({ plugins: ['./p.mjs'] }), 'p.mjs': LOCAL_PLUGIN });
    const unknown = await atp(['helo'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "helo" — did you mean "hello"?');
    const flag = await atp(['hello', '--shuot'], dir);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain(`Unknown option '--shuot' — did you mean "--shout"?`);
  });

  it('schema protocol and schema config print JSON Schemas', async () => {
    const dir = tempProject({ 'atp.config.json': '{"plugins": []}' });
    const protocol = await atp(['schema', 'protocol'], dir);
    expect(protocol.code).toBe(0);
    const p = JSON.parse(protocol.stdout) as Record<string, { title: string }>;
    expect(Object.keys(p).sort()).toEqual(['event', 'request', 'response']);
    const config = await atp(['schema', 'config'], dir);
    expect((JSON.parse(config.stdout) as { properties: Record<string, unknown> }).properties).toHaveProperty('plugins');
  });
});
