import { describe, expect, it } from 'vitest';
import { buildEnvironment } from '../src/environment.js';

const PARENT = {
  PATH: '/venv/bin:/usr/bin',
  HOME: '/home/me',
  VIRTUAL_ENV: '/venv',
  PYENV_ROOT: '/home/me/.pyenv',
  OPENAI_API_KEY: 'sk-live-123456',
  GITHUB_TOKEN: 'ghp_abcdef',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  DATABASE_URL: 'postgres://u:p@h/db',
  MY_SETTING: 'harmless',
  NPM_TOKEN: 'npm_abcdef',
};

describe('buildEnvironment', () => {
  it('is clean: PATH and toolchain variables from the parent, HOME and TMPDIR in the temp dir, no credentials', () => {
    expect(buildEnvironment({ parent: PARENT, home: '/t/home', tmp: '/t/tmp', passEnv: [], extra: {} })).toEqual({
      env: {
        PATH: '/venv/bin:/usr/bin',
        VIRTUAL_ENV: '/venv',
        PYENV_ROOT: '/home/me/.pyenv',
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
      },
      secrets: [],
    });
  });

  it('passes named variables on request (prefix patterns too) and remembers credentials among them', () => {
    const { env, secrets } = buildEnvironment({ parent: PARENT, home: '/h', tmp: '/t', passEnv: ['MY_SETTING', 'NPM_*'], extra: {} });
    expect([env.MY_SETTING, env.NPM_TOKEN, env.OPENAI_API_KEY]).toEqual(['harmless', 'npm_abcdef', undefined]);
    expect(secrets).toEqual(['npm_abcdef']);
  });

  it('sets configured variables last; sensitive ones are remembered for redaction', () => {
    const { env, secrets } = buildEnvironment({ parent: PARENT, home: '/h', tmp: '/t', passEnv: [], extra: { HOME: '/custom', SERVICE_TOKEN: 'tok-9876', MODE: 'ci' } });
    expect([env.HOME, env.SERVICE_TOKEN, env.MODE]).toEqual(['/custom', 'tok-9876', 'ci']);
    expect(secrets).toEqual(['tok-9876']);
  });
});
