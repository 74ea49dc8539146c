import { reveal } from '@atp/kernel';
import type { JudgeProvider, ResolvedJudge } from './config-schema.js';

/** The environment variable a provider's key is read from when the config names none. */
export const DEFAULT_KEY_ENV: Readonly<Record<JudgeProvider, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  azure: 'AZURE_OPENAI_API_KEY',
};

/** The key to send, or why there is none. */
export type KeyResolution = { ok: true; key?: string } | { ok: false; message: string };

/**
 * Find the judge's API key: `api_key`, else the variable `api_key_env` names, else the provider's
 * usual variable. A judge on a custom base_url (a local OpenAI-compatible server) may have none.
 */
export function resolveApiKey(judge: Pick<ResolvedJudge, 'provider' | 'model' | 'base_url' | 'api_key' | 'api_key_env'>, env: Readonly<Record<string, string | undefined>>): KeyResolution {
  const who = `the ${judge.provider} judge (${judge.model})`;
  if (judge.api_key !== undefined) {
    const key = reveal(judge.api_key).trim();
    return key ? { ok: true, key } : { ok: false, message: `${who} has an empty judge.api_key: set the variable it refers to` };
  }
  if (judge.api_key_env) {
    const key = env[judge.api_key_env]?.trim();
    return key ? { ok: true, key } : { ok: false, message: `${who} needs an API key: set ${judge.api_key_env} (named by judge.api_key_env)` };
  }
  const name = DEFAULT_KEY_ENV[judge.provider];
  const key = env[name]?.trim();
  if (key) return { ok: true, key };
  if (judge.base_url && judge.provider !== 'azure') return { ok: true };
  return { ok: false, message: `${who} needs an API key: set ${name}, or name another variable with judge.api_key_env` };
}
