import { describe, expect, it } from 'vitest';
import { FILESYSTEM_CONFIG_SCHEMAS } from '../src/config-schemas.js';

type Type = keyof typeof FILESYSTEM_CONFIG_SCHEMAS;

function issues(type: Type, config: unknown): string[] {
  const parsed = FILESYSTEM_CONFIG_SCHEMAS[type].safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('filesystem config schemas', () => {
  it('apply defaults', () => {
    expect(FILESYSTEM_CONFIG_SCHEMAS.file_count.parse({})).toEqual({ path: '.', count: 0, operator: 'eq', recursive: false });
    expect(FILESYSTEM_CONFIG_SCHEMAS.file_contains.parse({ path: 'a', pattern: 'x' })).toEqual({ path: 'a', pattern: 'x', regex: false, case_sensitive: true });
    expect(FILESYSTEM_CONFIG_SCHEMAS.tree_snapshot.parse({ expected: ['a'] })).toEqual({ path: '.', expected: ['a'], mode: 'exact', ignore: [] });
  });

  it.each<[Type, unknown, string[]]>([
    ['file_exists', { path: '../x' }, ['path: invalid path "../x": ".." would leave the workspace']],
    ['file_exists', { path: 'a/../../x' }, ['path: invalid path "a/../../x": ".." would leave the workspace']],
    ['file_not_exists', { path: '/etc/passwd' }, ['path: invalid path "/etc/passwd": paths are relative to the workspace, not absolute']],
    ['dir_exists', { path: 'C:\\Windows' }, ['path: invalid path "C:\\\\Windows": paths are relative to the workspace, not absolute']],
    ['dir_exists', { path: 'a', workspace_path: '..' }, ['workspace_path: invalid path "..": ".." would leave the workspace']],
    ['file_exists', { path: '' }, ['path: path cannot be empty (use "." for the workspace itself)']],
    ['file_exists', { path: 'a', mode: 'x' }, [': Unrecognized key: "mode"']],
    ['file_contains', { path: 'a', pattern: '(', regex: true }, ['pattern: invalid regular expression /(/: Unterminated group']],
    ['file_count', { pattern: '[a-' }, ['pattern: unterminated character class in glob "[a-"']],
    ['file_count', { count: -1 }, ['count: Too small: expected number to be >=0']],
    ['json_field', { path: 'a.json', json_path: 'name' }, ['json_path: invalid JSON path "name" at column 1: a path starts with "$"']],
    ['json_field', { path: 'a.json', json_path: '$.a', equals: 1, absent: true }, ['absent: use only one of equals, exists, absent (got equals, absent)']],
    ['tree_snapshot', {}, ['expected: give the expected tree: expected (a list of paths) or snapshot_file']],
    ['tree_snapshot', { expected: ['a'], snapshot_file: 'x' }, ['snapshot_file: use either expected or snapshot_file, not both']],
    ['tree_snapshot', { expected: ['../a'] }, ['expected.0: invalid path "../a": ".." would leave the workspace']],
    ['tree_snapshot', { expected: ['a'], ignore: ['{a,b'] }, ['ignore.0: unterminated "{" in glob "{a,b"']],
  ])('%s rejects %j', (type, config, expected) => {
    expect(issues(type, config)).toEqual(expected);
  });
});
