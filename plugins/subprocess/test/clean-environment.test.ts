import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { buildCleanEnvironment, TOOLCHAIN_VARIABLES } from '../src/index.js';

const PARENT = {
  PATH: '/venv/bin:/usr/bin',
  HOME: '/home/me',
  USER: 'me',
  VIRTUAL_ENV: '/venv',
  PYENV_ROOT: '/home/me/.pyenv',
  OPENAI_API_KEY: 'sk-live-123456',
  GITHUB_TOKEN: 'ghp_abcdef',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  DATABASE_URL: 'postgres://u:p@h/db',
  MY_SETTING: 'harmless',
  NPM_TOKEN: 'npm_abcdef',
};

const FIXED = {
  HOME: '/t/home',
  TMPDIR: '/t/tmp',
  TMP: '/t/tmp',
  TEMP: '/t/tmp',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  CI: 'true',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  PYTHONDONTWRITEBYTECODE: '1',
};

describe('buildCleanEnvironment', () => {
  it('is clean: PATH and toolchain variables from the parent, HOME and TMPDIR in the temp dir, no credentials', () => {
    expect(buildCleanEnvironment({ parent: PARENT, home: '/t/home', tmp: '/t/tmp', allowed: [], extra: {}, platform: 'linux' })).toEqual({
      env: { PATH: '/venv/bin:/usr/bin', VIRTUAL_ENV: '/venv', PYENV_ROOT: '/home/me/.pyenv', ...FIXED },
      secrets: [],
    });
    expect(TOOLCHAIN_VARIABLES).toContain('VIRTUAL_ENV');
  });

  it('passes named variables on request (prefix patterns too) and remembers credentials among them', () => {
    const { env, secrets } = buildCleanEnvironment({ parent: PARENT, home: '/h', tmp: '/t', allowed: ['MY_SETTING', 'NPM_*'], extra: {}, platform: 'linux' });
    expect([env.MY_SETTING, env.NPM_TOKEN, env.OPENAI_API_KEY]).toEqual(['harmless', 'npm_abcdef', undefined]);
    expect(secrets).toEqual(['npm_abcdef']);
  });

  it('sets configured variables last; sensitive ones are remembered for redaction', () => {
    const { env, secrets } = buildCleanEnvironment({
      parent: PARENT,
      home: '/h',
      tmp: '/t',
      allowed: [],
      extra: { HOME: '/custom', SERVICE_TOKEN: 'tok-9876', MODE: 'ci', LABEL: new Secret('hidden-label') },
      platform: 'linux',
    });
    expect([env.HOME, env.SERVICE_TOKEN, env.MODE, env.LABEL]).toEqual(['/custom', 'tok-9876', 'ci', 'hidden-label']);
    expect(secrets.sort()).toEqual(['hidden-label', 'tok-9876']);
  });

  it('keeps toolchain variables (Go, Java…) and nothing else of the harness', () => {
    const parent = { PATH: '/bin', GOPATH: '/go', JAVA_HOME: '/jdk', USER: 'me', SHELL: '/bin/bash', UNSET: undefined };
    expect(buildCleanEnvironment({ parent, home: '/h', tmp: '/t', allowed: [], extra: {}, platform: 'linux' }).env).toEqual({ PATH: '/bin', GOPATH: '/go', JAVA_HOME: '/jdk', ...FIXED, HOME: '/h', TMPDIR: '/t', TMP: '/t', TEMP: '/t' });
  });

  it('on Windows keeps the system variables and sets USERPROFILE to the temporary home', () => {
    const parent = { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', PATHEXT: '.EXE', USERPROFILE: 'C:\\Users\\me', Secret_Key: 'k-1234' };
    expect(buildCleanEnvironment({ parent, home: 'C:\\t\\home', tmp: 'C:\\t\\tmp', allowed: [], extra: {}, platform: 'win32' }).env).toEqual({
      Path: 'C:\\bin',
      SystemRoot: 'C:\\Windows',
      PATHEXT: '.EXE',
      ...FIXED,
      HOME: 'C:\\t\\home',
      USERPROFILE: 'C:\\t\\home',
      TMPDIR: 'C:\\t\\tmp',
      TMP: 'C:\\t\\tmp',
      TEMP: 'C:\\t\\tmp',
    });
  });
});
