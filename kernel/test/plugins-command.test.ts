import { describe, expect, it } from 'vitest';
import {
  compareVersions,
  compatibility,
  editJsonPlugins,
  editModulePlugins,
  editYamlPlugins,
  parseVersion,
  satisfiesRange,
} from '../src/cli/commands/plugins.js';

describe('satisfiesRange (npm range grammar)', () => {
  const cases: Array<[string, string, boolean | undefined]> = [
    ['0.1.0', '^0.1.0', true],
    ['0.1.9', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.9.9', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['1.2.2', '^1.2.3', false],
    ['0.9.0', '^0.x', true],
    ['1.0.0', '^0.x', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '=1.2.3', false],
    ['1.5.0', '1.x', true],
    ['2.0.0', '1.x', false],
    ['1.2.7', '1.2', true],
    ['3.0.0', '*', true],
    ['3.0.0', '', true],
    ['1.3.0', '>1.2', true],
    ['1.2.9', '>1.2', false],
    ['1.2.0', '<1.2', false],
    ['1.1.9', '<1.2', true],
    ['1.2.9', '<=1.2', true],
    ['1.5.0', '>=1.2.3 <2', true],
    ['2.0.0', '>=1.2.3 <2', false],
    ['1.5.0', '>= 1.2.3 < 2.0.0', true],
    ['2.5.0', '1.x || >=2.5.0', true],
    ['2.4.0', '1.x || >=2.5.0', false],
    ['2.3.4', '1.2.3 - 2.3.4', true],
    ['2.3.5', '1.2.3 - 2.3.4', false],
    ['2.3.9', '1.2.3 - 2.3', true],
    ['2.4.0', '1.2.3 - 2.3', false],
    // Prereleases only match a range naming a prerelease of the same version.
    ['1.2.3-beta.2', '^1.2.3-beta.1', true],
    ['1.2.3-alpha', '^1.2.3-beta.1', false],
    ['1.3.0-beta.1', '^1.2.3-beta.1', false],
    ['2.0.0-rc.1', '^1.0.0', false],
    ['1.0.0', 'workspace:*', undefined],
    ['1.0.0', 'latest', undefined],
    ['not-a-version', '^1.0.0', undefined],
  ];
  it.each(cases)('%s in "%s" → %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it('orders prereleases as semver does', () => {
    const order = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 1; i < order.length; i++) expect(compareVersions(parseVersion(order[i - 1]!)!, parseVersion(order[i]!)!)).toBeLessThan(0);
  });
});

describe('compatibility', () => {
  it('checks the plugin API version and the kernel peer range', () => {
    expect(compatibility(1, { file: '/p/package.json', kernelRange: '^0.1.0' }, '0.1.4')).toEqual({
      compatible: true,
      apiVersion: { plugin: 1, kernel: 1, compatible: true },
      kernelPeer: { range: '^0.1.0', kernel: '0.1.4', satisfied: true, packageJson: '/p/package.json' },
    });
    expect(compatibility(1, { file: '/p/package.json', kernelRange: '^0.2.0' }, '0.1.4').compatible).toBe(false);
    expect(compatibility(2, undefined, '0.1.4')).toEqual({
      compatible: false,
      apiVersion: { plugin: 2, kernel: 1, compatible: false },
      kernelPeer: { range: null, kernel: '0.1.4', satisfied: null, packageJson: null },
    });
  });
});

describe('editJsonPlugins', () => {
  it('adds to the list, keeping the indentation and final newline', () => {
    const text = '{\n    "plugins": ["@atp/preset-default"],\n    "defaults": { "parallel": 2 }\n}\n';
    expect(editJsonPlugins(text, ['plugins'], { kind: 'add', name: 'atp-plugin-x', seed: [] })).toBe(
      '{\n    "plugins": [\n        "@atp/preset-default",\n        "atp-plugin-x"\n    ],\n    "defaults": {\n        "parallel": 2\n    }\n}\n',
    );
  });

  it('creates the list first with the seed when there is none, and removes entries and [name, options] tuples', () => {
    const added = editJsonPlugins('{"defaults":{"parallel":2}}', ['plugins'], { kind: 'add', name: 'x', seed: ['@atp/preset-default', 'x'] });
    expect(JSON.parse(added)).toEqual({ plugins: ['@atp/preset-default', 'x'], defaults: { parallel: 2 } });
    expect(Object.keys(JSON.parse(added) as object)[0]).toBe('plugins');
    const removed = editJsonPlugins('{"name":"app","atp":{"plugins":["a",["x",{"k":1}],"b"]}}', ['atp', 'plugins'], { kind: 'remove', names: ['x'] });
    expect(JSON.parse(removed)).toEqual({ name: 'app', atp: { plugins: ['a', 'b'] } });
  });

  it('rejects a plugins value that is not a list', () => {
    expect(() => editJsonPlugins('{"plugins":"a"}', ['plugins'], { kind: 'add', name: 'x', seed: [] })).toThrow('"plugins" is not a list');
  });
});

describe('editYamlPlugins', () => {
  it('keeps comments and layout', async () => {
    const text = '# ATP config\nplugins:\n  - "@atp/preset-default" # the basics\n  - atp-plugin-a\n\ndefaults:\n  parallel: 2 # two at once\n';
    expect(await editYamlPlugins(text, { kind: 'add', name: 'atp-plugin-b', seed: [] })).toBe(
      '# ATP config\nplugins:\n  - "@atp/preset-default" # the basics\n  - atp-plugin-a\n  - atp-plugin-b\n\ndefaults:\n  parallel: 2 # two at once\n',
    );
    expect(await editYamlPlugins(text, { kind: 'remove', names: ['atp-plugin-a'] })).toBe(
      '# ATP config\nplugins:\n  - "@atp/preset-default" # the basics\n\ndefaults:\n  parallel: 2 # two at once\n',
    );
  });

  it('adds to a flow list, creates a list first when there is none, and removes tuples', async () => {
    expect(await editYamlPlugins('plugins: [a, b]\n', { kind: 'add', name: 'c', seed: [] })).toBe('plugins: [ a, b, c ]\n');
    expect(await editYamlPlugins('# mine\ndefaults:\n  parallel: 2\n', { kind: 'add', name: 'c', seed: ['@atp/preset-default', 'c'] })).toBe(
      '# mine\nplugins:\n  - "@atp/preset-default"\n  - c\ndefaults:\n  parallel: 2\n',
    );
    expect(await editYamlPlugins('plugins:\n  - a\n  - [x, { k: 1 }]\n', { kind: 'remove', names: ['x'] })).toBe('plugins:\n  - a\n');
  });
});

describe('editModulePlugins', () => {
  const add = (name: string, seed: string[] = [name]) => ({ kind: 'add' as const, name, seed });
  const remove = (...names: string[]) => ({ kind: 'remove' as const, names });

  it('edits a one-line plain string array', () => {
    const text = `import { defineConfig } from '@atp/kernel';\nexport default defineConfig({ plugins: ['@atp/preset-default'], defaults: { parallel: 2 } });\n`;
    expect(editModulePlugins(text, add('atp-plugin-x'))).toEqual({
      text: `import { defineConfig } from '@atp/kernel';\nexport default defineConfig({ plugins: ['@atp/preset-default', 'atp-plugin-x'], defaults: { parallel: 2 } });\n`,
    });
    expect(editModulePlugins(`export default { plugins: ["a", "b"] };\n`, remove('a'))).toEqual({ text: `export default { plugins: ["b"] };\n` });
    expect(editModulePlugins(`export default { plugins: [] };\n`, add('x'))).toEqual({ text: `export default { plugins: ['x'] };\n` });
  });

  it('edits a multi-line array in its own style (indent, trailing comma, quotes, comments)', () => {
    const text = `export default {\n  plugins: [\n    '@atp/preset-default', // the basics\n    './local.mjs',\n  ],\n};\n`;
    const added = editModulePlugins(text, add('atp-plugin-x'));
    expect(added).toEqual({ text: `export default {\n  plugins: [\n    '@atp/preset-default', // the basics\n    './local.mjs',\n    'atp-plugin-x',\n  ],\n};\n` });
    expect(editModulePlugins(text, remove('./local.mjs'))).toEqual({ text: `export default {\n  plugins: [\n    '@atp/preset-default', // the basics\n  ],\n};\n` });
    const noTrailing = `export default {\n  "plugins": [\n    "a",\n    "b"\n  ]\n};\n`;
    expect(editModulePlugins(noTrailing, add('c'))).toEqual({ text: `export default {\n  "plugins": [\n    "a",\n    "b",\n    "c"\n  ]\n};\n` });
  });

  it('adds a plugins list to a config that has none, in its exported object', () => {
    expect(editModulePlugins(`import { defineConfig } from '@atp/kernel';\n\nexport default defineConfig({\n  defaults: { parallel: 2 },\n});\n`, add('x', ['@atp/preset-default', 'x']))).toEqual({
      text: `import { defineConfig } from '@atp/kernel';\n\nexport default defineConfig({\n  plugins: ['@atp/preset-default', 'x'],\n  defaults: { parallel: 2 },\n});\n`,
    });
    expect(editModulePlugins('export default {};\n', add('x'))).toEqual({ text: "export default { plugins: ['x'] };\n" });
  });

  it('leaves code it cannot be sure about to the user', () => {
    expect(editModulePlugins(`const plugins = ['a'];\nexport default { plugins };\n`, add('x'))).toEqual({ manual: 'the config sets "plugins" from a variable' });
    expect(editModulePlugins(`export default { plugins: [...base, 'a'] };\n`, add('x'))).toEqual({ manual: 'the plugins list holds more than plain strings' });
    expect(editModulePlugins(`export default { plugins: [['a', { k: 1 }]] };\n`, add('x'))).toEqual({ manual: 'the plugins list holds more than plain strings' });
    expect(editModulePlugins(`export default { plugins: list() };\n`, add('x'))).toEqual({ manual: 'the plugins list is not an array literal' });
    expect(editModulePlugins(`export default { a: { plugins: [] }, plugins: ['b'] };\n`, add('x'))).toEqual({ manual: 'the config has several "plugins" keys' });
  });

  it('ignores "plugins" inside strings and comments', () => {
    const text = `// plugins: ['commented']\nconst note = "plugins: ['in a string']";\nexport default { plugins: ['a'] };\n`;
    expect(editModulePlugins(text, add('b'))).toEqual({ text: `// plugins: ['commented']\nconst note = "plugins: ['in a string']";\nexport default { plugins: ['a', 'b'] };\n` });
  });
});
