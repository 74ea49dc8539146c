import { describe, expect, it } from 'vitest';
import { CODE_EXEC_CONFIG_SCHEMAS } from '../src/config-schemas.js';

type Type = keyof typeof CODE_EXEC_CONFIG_SCHEMAS;

function issues(type: Type, config: unknown): string[] {
  const parsed = CODE_EXEC_CONFIG_SCHEMAS[type].safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const EXECUTION_DEFAULTS = { timeout: 300, memory_mb: 1024, max_file_size_mb: 50, max_open_files: 1024, max_output_bytes: 1048576, env: {}, pass_env: [], include_artifacts: true };

describe('code execution config schemas', () => {
  it('apply the defaults of reference §3.5', () => {
    expect(CODE_EXEC_CONFIG_SCHEMAS.code_exec.parse({ command: 'node --test' })).toEqual({ command: 'node --test', expect_zero: true, threshold: 1, ...EXECUTION_DEFAULTS });
    expect(CODE_EXEC_CONFIG_SCHEMAS.pytest.parse({})).toEqual({ path: 'tests/', pytest_command: 'pytest', threshold: 1, ...EXECUTION_DEFAULTS });
    expect(CODE_EXEC_CONFIG_SCHEMAS.npm.parse({})).toEqual({ command: 'npm test', threshold: 1, ...EXECUTION_DEFAULTS });
    expect(CODE_EXEC_CONFIG_SCHEMAS.lint.parse({ linter: 'ruff' })).toEqual({ linter: 'ruff', path: '.', max_violations: 0, max_errors: 0, ...EXECUTION_DEFAULTS });
  });

  it.each<[Type, unknown, string[]]>([
    ['code_exec', {}, ['command: Invalid input']],
    ['code_exec', { command: '' }, ['command: command is empty']],
    ['code_exec', { command: [] }, ['command: command needs at least the program to run']],
    ['code_exec', { command: 'make && make test' }, ['command: the command contains the shell operator "&&", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote "&&" to pass it literally']],
    ['custom_command', { command: 'x', pattern: '(\\d+) passed' }, ['pattern: pattern needs a named group (?<passed>\\d+) to count tests']],
    ['custom_command', { command: 'x', pattern: '(?<passed>\\d+' }, ['pattern: invalid regular expression /(?<passed>\\d+/: Unterminated group']],
    ['custom_command', { command: 'x', threshold: 1.5 }, ['threshold: Too big: expected number to be <=1']],
    ['custom_command', { command: 'x', timeout: 0 }, ['timeout: Too small: expected number to be >0']],
    ['custom_command', { command: 'x', working_dir: '../up' }, ['working_dir: invalid path "../up": ".." would leave the working copy']],
    ['custom_command', { command: 'x', env: { 'BAD-NAME': 'v' } }, ['env.BAD-NAME: invalid environment variable name "BAD-NAME": use letters, digits and _']],
    ['custom_command', { command: 'x', container: true }, [': Unrecognized key: "container"']],
    ['pytest', { path: '/etc' }, ['path: invalid path "/etc": paths are relative to the working copy, not absolute']],
    ['pytest', { args: 'x > y' }, ['args: the command contains the shell operator ">", but it runs without a shell; use ["sh", "-c", "…"] for pipes and redirections, or quote ">" to pass it literally']],
    ['lint', {}, ['linter: Invalid option: expected one of "ruff"|"eslint"']],
    ['lint', { linter: 'pylint' }, ['linter: Invalid option: expected one of "ruff"|"eslint"']],
    ['lint', { linter: 'ruff', max_errors: -1 }, ['max_errors: Too small: expected number to be >=0']],
  ])('%s rejects %j', (type, config, expected) => {
    expect(issues(type, config)).toEqual(expected);
  });
});
