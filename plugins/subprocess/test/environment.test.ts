import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { buildEnvironment, isInheritable, MINIMAL_ENV } from '../src/index.js';

const parent = {
  PATH: '/bin',
  HOME: '/home/u',
  LANG: 'C.UTF-8',
  TERM: 'xterm',
  USER: 'u',
  LC_ALL: 'C',
  OPENAI_API_KEY: 'sk-openai',
  ANTHROPIC_BASE_URL: 'https://x',
  GITHUB_TOKEN: 'ghp_abcd',
  DB_HOST: 'db',
  MY_PASSWORD: 'pw',
  SERVICE_CREDENTIALS: 'c',
  NORMAL: 'n',
  UNSET: undefined,
};

describe('buildEnvironment (reference §4.3 filter)', () => {
  it('passes only the minimal set (plus allowed names) when not inheriting', () => {
    expect(MINIMAL_ENV).toEqual(['PATH', 'HOME', 'LANG', 'TERM']);
    expect(buildEnvironment({ inherit: false, allowed: ['NORMAL'], extra: { X: 'y' }, parent, platform: 'linux' })).toEqual({
      env: { PATH: '/bin', HOME: '/home/u', LANG: 'C.UTF-8', TERM: 'xterm', NORMAL: 'n', X: 'y' },
      secrets: [],
    });
  });

  it('drops credential-looking names when inheriting', () => {
    const { env, secrets } = buildEnvironment({ inherit: true, allowed: [], extra: {}, parent, platform: 'linux' });
    expect(Object.keys(env).sort()).toEqual(['HOME', 'LANG', 'LC_ALL', 'NORMAL', 'PATH', 'TERM', 'USER']);
    expect(secrets).toEqual([]);
  });

  it('tells inheritable names from credentials, safe names and prefixes first', () => {
    expect(['OPENAI_API_KEY', 'ANTHROPIC_BASE_URL', 'DB_HOST', 'MY_PASSWORD', 'SERVICE_CREDENTIALS', 'GITHUB_TOKEN'].filter(isInheritable)).toEqual([]);
    expect(['PATH', 'LC_ALL', 'XDG_CONFIG_HOME', 'ATP_WORKSPACE', 'NORMAL'].every(isInheritable)).toBe(true);
  });

  it('lets allowed names and PREFIX_* patterns through, credentials included, and remembers their values', () => {
    const built = buildEnvironment({ inherit: true, allowed: ['OPENAI_*', 'GITHUB_TOKEN'], extra: {}, parent, platform: 'linux' });
    expect([built.env.OPENAI_API_KEY, built.env.GITHUB_TOKEN, built.env.MY_PASSWORD]).toEqual(['sk-openai', 'ghp_abcd', undefined]);
    expect(built.secrets.sort()).toEqual(['ghp_abcd', 'sk-openai']);
  });

  it('sets extra variables last (they win); secret values and credential-like names are remembered', () => {
    const built = buildEnvironment({
      inherit: true,
      allowed: [],
      extra: { NORMAL: 'override', TOKEN_X: 'secret-value', MODE: new Secret('hidden-mode'), PLAIN: 'shown' },
      parent,
      platform: 'linux',
    });
    expect([built.env.NORMAL, built.env.TOKEN_X, built.env.MODE, built.env.PLAIN]).toEqual(['override', 'secret-value', 'hidden-mode', 'shown']);
    expect(built.secrets.sort()).toEqual(['hidden-mode', 'secret-value']);
  });

  it('leaves values shorter than 4 characters out of the secrets (redaction ignores them) but still passes them', () => {
    const built = buildEnvironment({ inherit: false, allowed: ['MY_PASSWORD'], extra: { API_KEY: 'abc', API_TOKEN: 'abcd' }, parent, platform: 'linux' });
    expect([built.env.MY_PASSWORD, built.env.API_KEY, built.env.API_TOKEN]).toEqual(['pw', 'abc', 'abcd']);
    expect(built.secrets).toEqual(['abcd']);
  });

  it('on Windows adds the system variables to the minimal set and compares names case-insensitively', () => {
    const windowsParent = { Path: 'C:\\bin', SystemRoot: 'C:\\Windows', TEMP: 'C:\\t', ComSpec: 'cmd.exe', NORMAL: 'n', Api_Key: 'k-1234' };
    expect(buildEnvironment({ inherit: false, allowed: [], extra: {}, parent: windowsParent, platform: 'win32' }).env).toEqual({
      Path: 'C:\\bin',
      SystemRoot: 'C:\\Windows',
      TEMP: 'C:\\t',
      ComSpec: 'cmd.exe',
    });
    expect(Object.keys(buildEnvironment({ inherit: true, allowed: [], extra: {}, parent: windowsParent, platform: 'win32' }).env)).not.toContain('Api_Key');
  });
});
