import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atp, ROOT, tempProject } from './helpers.js';

const kernelVersion = (JSON.parse(readFileSync(join(ROOT, 'kernel/package.json'), 'utf8')) as { version: string }).version;

/** An installed plugin package in the temp project's node_modules. */
function pluginPackage(name: string, options: { apiVersion?: number; kernelRange?: string; evaluator?: string } = {}): Record<string, string> {
  const evaluator = options.evaluator ?? `${name.replace(/\W/g, '_')}_check`;
  return {
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, version: '1.0.0', type: 'module', main: 'index.mjs', peerDependencies: { '@atp/kernel': options.kernelRange ?? `^${kernelVersion}` } }),
    [`node_modules/${name}/index.mjs`]: `export default {
  name: ${JSON.stringify(name)}, apiVersion: ${options.apiVersion ?? 1}, version: '1.0.0', description: 'a test plugin',
  evaluators: [{ name: ${JSON.stringify(evaluator)}, description: 'always passes', load: async () => ({ createEvaluator: () => ({ evaluate: () => ({ checks: [] }) }) }) }],
};\n`,
  };
}

const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('atp plugins enable / disable (real binary, temp projects)', { timeout: 120_000 }, () => {
  it('without a config, enable creates atp.config.json with the default preset and the plugin; disable removes it', async () => {
    const dir = tempProject(pluginPackage('atp-plugin-hello'));
    const enabled = await atp(['plugins', 'enable', 'atp-plugin-hello'], dir);
    expect(enabled).toEqual({
      code: 0,
      stdout: 'created atp.config.json with plugins: @atp/preset-default, atp-plugin-hello (@atp/preset-default is what ATP used without a config)\n  registers: evaluator atp_plugin_hello_check\n',
      stderr: '',
    });
    expect(JSON.parse(read(dir, 'atp.config.json'))).toEqual({ plugins: ['@atp/preset-default', 'atp-plugin-hello'] });
    const list = await atp(['plugins', 'list', '--type', 'evaluator'], dir);
    expect(list.stdout).toContain('atp_plugin_hello_check  always passes  [atp-plugin-hello]');
    expect(list.stdout).toContain('contains');

    expect(await atp(['plugins', 'enable', 'atp-plugin-hello'], dir)).toEqual({ code: 0, stdout: 'atp-plugin-hello is already enabled in atp.config.json\n', stderr: '' });
    expect(await atp(['plugins', 'disable', 'atp-plugin-hello'], dir)).toEqual({ code: 0, stdout: 'disabled atp-plugin-hello in atp.config.json\n', stderr: '' });
    expect(read(dir, 'atp.config.json')).toBe('{\n  "plugins": [\n    "@atp/preset-default"\n  ]\n}\n');
    expect(await atp(['plugins', 'disable', 'atp-plugin-hello'], dir)).toEqual({ code: 0, stdout: 'atp-plugin-hello is not in the plugins list of atp.config.json; nothing to change\n', stderr: '' });
  });

  it('edits a YAML config in place, keeping its comments', async () => {
    const yaml = '# team config\nplugins:\n  - "@atp/preset-default" # batteries\n\ndefaults:\n  parallel: 2 # CI has two cores\n';
    const dir = tempProject({ ...pluginPackage('atp-plugin-hello'), 'atp.config.yaml': yaml });
    expect((await atp(['plugins', 'enable', 'atp-plugin-hello'], dir)).stdout).toBe('enabled atp-plugin-hello in atp.config.yaml\n  registers: evaluator atp_plugin_hello_check\n');
    expect(read(dir, 'atp.config.yaml')).toBe('# team config\nplugins:\n  - "@atp/preset-default" # batteries\n  - atp-plugin-hello\n\ndefaults:\n  parallel: 2 # CI has two cores\n');
    expect((await atp(['plugins', 'disable', 'atp-plugin-hello'], dir)).code).toBe(0);
    expect(read(dir, 'atp.config.yaml')).toBe(yaml);
  });

  it('edits package.json#atp, leaving the rest of package.json alone', async () => {
    const pkg = { name: 'my-agent-tests', private: true, scripts: { test: 'atp test suite.yaml' }, atp: { defaults: { parallel: 2 } } };
    const dir = tempProject({ ...pluginPackage('atp-plugin-hello'), 'package.json': `${JSON.stringify(pkg, null, 2)}\n` });
    const r = await atp(['plugins', 'enable', 'atp-plugin-hello'], dir);
    expect(r.stdout).toBe('enabled atp-plugin-hello in package.json (with @atp/preset-default, which ATP used while the config listed no plugins)\n  registers: evaluator atp_plugin_hello_check\n');
    expect(JSON.parse(read(dir, 'package.json'))).toEqual({ ...pkg, atp: { plugins: ['@atp/preset-default', 'atp-plugin-hello'], defaults: { parallel: 2 } } });
  });

  it('edits the plain plugins array of atp.config.ts, and the config still loads', async () => {
    const ts = `import { defineConfig } from '@atp/kernel';\n\nexport default defineConfig({\n  plugins: [\n    '@atp/preset-default',\n  ],\n});\n`;
    const dir = tempProject({ ...pluginPackage('atp-plugin-hello'), 'atp.config.ts': ts });
    expect((await atp(['plugins', 'enable', 'atp-plugin-hello'], dir)).code).toBe(0);
    expect(read(dir, 'atp.config.ts')).toBe(`import { defineConfig } from '@atp/kernel';\n\nexport default defineConfig({\n  plugins: [\n    '@atp/preset-default',\n    'atp-plugin-hello',\n  ],\n});\n`);
    const list = JSON.parse((await atp(['plugins', 'list', '--json'], dir)).stdout) as { plugins: Array<{ name: string }> };
    expect(list.plugins.map((p) => p.name)).toContain('atp-plugin-hello');
    expect((await atp(['plugins', 'disable', 'atp-plugin-hello'], dir)).code).toBe(0);
    expect(read(dir, 'atp.config.ts')).toBe(ts);
  });

  it('says exactly what to change when atp.config.ts builds its list in code, and changes nothing', async () => {
    const ts = `import { defineConfig } from '@atp/kernel';\nconst base = ['@atp/preset-default'];\nexport default defineConfig({ plugins: [...base] });\n`;
    const dir = tempProject({ ...pluginPackage('atp-plugin-hello'), 'atp.config.ts': ts });
    const r = await atp(['plugins', 'enable', 'atp-plugin-hello'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "atp.config.ts: the plugins list holds more than plain strings; it was not changed.\nEdit it by hand: add 'atp-plugin-hello' to the plugins list of atp.config.ts, e.g.\n\n  plugins: [...existing plugins, 'atp-plugin-hello'],\n",
    });
    expect(read(dir, 'atp.config.ts')).toBe(ts);
  });

  it('refuses plugins that are missing, invalid or clash with an enabled one, before touching the config', async () => {
    const config = '{ "plugins": ["@atp/preset-default"] }\n';
    const dir = tempProject({
      ...pluginPackage('atp-plugin-future', { apiVersion: 2, kernelRange: '^9.0.0' }),
      ...pluginPackage('atp-plugin-clash', { evaluator: 'contains' }),
      'atp.config.json': config,
    });
    const missing = await atp(['plugins', 'enable', 'atp-plugin-nope'], dir);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `error plugin "atp-plugin-nope" is not installed (looked from ${dir}) [ATP_PLUGIN_NOT_FOUND]\n  hint: install it first: npm install --save-dev atp-plugin-nope\n` });
    const future = await atp(['plugins', 'enable', 'atp-plugin-future'], dir);
    expect(future).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error invalid plugin from "atp-plugin-future": it targets plugin API version 2 but this ATP kernel implements version 1 [ATP_PLUGIN_INVALID]\n  hint: upgrade @atp/kernel\n',
    });
    const clash = await atp(['plugins', 'enable', 'atp-plugin-clash'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toBe('error evaluator "contains" is registered by both "@atp/evaluator-artifact" and "atp-plugin-clash" [ATP_PLUGIN_DUPLICATE]\n  hint: remove one of the two plugins from your config, or rename the evaluator in one of them\n');
    noStack(clash.stderr);
    expect(read(dir, 'atp.config.json')).toBe(config);
  });

  it('a plugin bundled by a preset cannot be disabled alone', async () => {
    const dir = tempProject({ 'atp.config.json': '{ "plugins": ["@atp/preset-default"] }\n' });
    const r = await atp(['plugins', 'disable', '@atp/evaluator-artifact'], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error "@atp/evaluator-artifact" comes with @atp/preset-default: it cannot be disabled on its own [ATP_USAGE]\n  hint: replace @atp/preset-default in the plugins list of atp.config.json by the plugins you want\n',
    });
  });
});

describe('atp plugins info: registrations, config schemas, version compatibility', { timeout: 120_000 }, () => {
  it('shows an enabled plugin with its compatibility', async () => {
    const dir = tempProject({ ...pluginPackage('atp-plugin-hello'), 'atp.config.json': '{ "plugins": ["atp-plugin-hello"] }\n' });
    const r = await atp(['plugins', 'info', 'atp-plugin-hello'], dir);
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'atp-plugin-hello@1.0.0',
        'a test plugin',
        'source: atp-plugin-hello',
        'enabled: yes (atp.config.json)',
        '',
        'compatibility: compatible',
        '  plugin API version: 1 (this kernel implements 1)',
        `  @atp/kernel peer range: ^${kernelVersion}, this kernel is ${kernelVersion}: satisfied`,
        '',
        'evaluators:',
        '  atp_plugin_hello_check  always passes',
        '',
      ].join('\n'),
    });
  });

  it('shows an installed plugin that is not enabled, and why it is not compatible', async () => {
    const dir = tempProject({ ...pluginPackage('atp-plugin-future', { apiVersion: 2, kernelRange: '^9.0.0' }), 'atp.config.json': '{ "plugins": [] }\n' });
    const text = await atp(['plugins', 'info', 'atp-plugin-future'], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      [
        'enabled: no — enable it with: atp plugins enable atp-plugin-future',
        '',
        'compatibility: NOT compatible',
        '  plugin API version: 2 (this kernel implements 1) — mismatch',
        `  @atp/kernel peer range: ^9.0.0, this kernel is ${kernelVersion}: NOT satisfied`,
      ].join('\n'),
    );
    const json = JSON.parse((await atp(['plugins', 'info', 'atp-plugin-future', '--json'], dir)).stdout) as Record<string, unknown>;
    expect(json.compatibility).toEqual({
      compatible: false,
      apiVersion: { plugin: 2, kernel: 1, compatible: false },
      kernelPeer: { range: '^9.0.0', kernel: kernelVersion, satisfied: false, packageJson: join(dir, 'node_modules/atp-plugin-future/package.json') },
    });
    expect(json.enabled).toBe(false);
  });

  it('finds the package of a plugin bundled by the preset, and prints config schemas with defaults', async () => {
    const dir = tempProject({});
    const r = await atp(['plugins', 'info', '@atp/reporter-json'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('source: @atp/preset-default (via @atp/preset-default)');
    expect(r.stdout).toContain(`@atp/kernel peer range: ^0.1.0, this kernel is ${kernelVersion}: satisfied`);
    expect(r.stdout).toContain('      pretty: boolean = true — Indent the JSON by two spaces (false: one line)');
  });

  it('an unknown name is a clear error', async () => {
    const r = await atp(['plugins', 'info', 'atp-plugin-nope'], tempProject({}));
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error plugin "atp-plugin-nope" is neither loaded nor installed [ATP_PLUGIN_NOT_FOUND]\n  hint: atp plugins list shows the loaded plugins; install it with npm install --save-dev atp-plugin-nope\n',
    });
  });
});
