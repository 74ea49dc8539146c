import { describe, expect, it } from 'vitest';
import { npmNameProblems, normalizeScope, pluginPackageName, suggestName, unscoped, UsageError } from '../src/index.js';

describe('plugin package names', () => {
  it('prefix atp-plugin- once and apply the scope', () => {
    expect(pluginPackageName('word-count')).toBe('atp-plugin-word-count');
    expect(pluginPackageName('atp-plugin-word-count')).toBe('atp-plugin-word-count');
    expect(pluginPackageName('word-count', '@acme')).toBe('@acme/atp-plugin-word-count');
    expect(pluginPackageName('word-count', 'acme')).toBe('@acme/atp-plugin-word-count');
    expect(pluginPackageName('@acme/word-count')).toBe('@acme/atp-plugin-word-count');
    expect(pluginPackageName('@acme/atp-plugin-x', '@acme')).toBe('@acme/atp-plugin-x');
    expect(pluginPackageName(' fs ')).toBe('atp-plugin-fs');
    expect(unscoped('@acme/atp-plugin-x')).toBe('atp-plugin-x');
  });

  it('reject names npm would reject, with every reason and a suggestion', () => {
    const error = (fn: () => unknown): { message: string; hint?: string } => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return { message: (e as UsageError).message, ...((e as UsageError).hint ? { hint: (e as UsageError).hint } : {}) };
      }
      throw new Error('expected a UsageError');
    };
    expect(error(() => pluginPackageName('My Plugin'))).toEqual({
      message: 'invalid plugin name "My Plugin": the name cannot contain capital letters; the name can only contain URL-friendly characters (a-z, 0-9, "-", ".", "_", "~")',
      hint: 'try "my-plugin"',
    });
    expect(error(() => pluginPackageName('.hidden')).message).toBe('invalid plugin name ".hidden": the name cannot start with a period');
    expect(error(() => pluginPackageName('wow!')).message).toBe(`invalid plugin name "wow!": the name cannot contain any of ~'!()*`);
    expect(error(() => pluginPackageName('atp-plugin-')).message).toBe('invalid plugin name "atp-plugin-": the name needs something after "atp-plugin-"');
    expect(error(() => pluginPackageName('a/b')).message).toBe('invalid plugin name "a/b": a name contains "/" only after a scope (@scope/name)');
    expect(error(() => pluginPackageName('x'.repeat(210))).message).toBe(`invalid plugin name "${'x'.repeat(210)}": the name can be no longer than 214 characters`);
    expect(error(() => pluginPackageName('@one/x', '@two'))).toEqual({ message: 'the name "@one/x" has the scope @one but --scope is @two', hint: 'give the scope once' });
    expect(error(() => normalizeScope('@Acme'))).toEqual({ message: 'invalid scope "@Acme": the name cannot contain capital letters', hint: 'a scope looks like @my-org' });
  });

  it('follow npm rules for whole names', () => {
    expect(npmNameProblems('http')).toEqual(['"http" is the name of a Node.js core module']);
    expect(npmNameProblems('node_modules')).toEqual(['"node_modules" is not allowed as a name']);
    expect(npmNameProblems('@scope/ok-name')).toEqual([]);
    expect(npmNameProblems('_private')).toEqual(['the name cannot start with an underscore']);
    expect(npmNameProblems('')).toEqual(['the name cannot be empty']);
    expect(suggestName('  Hello World!! ')).toBe('hello-world');
  });
});
