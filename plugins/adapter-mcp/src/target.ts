/** From an `mcp` config to what to connect to: the process to start or the URL, and the secrets to hide. */
import { resolve } from 'node:path';
import { isSecret, isSensitiveName, reveal } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';
import { buildEnvironment } from '@atp/subprocess';
import type { McpAdapterConfig } from './config.js';
import { transportOf } from './config.js';
import type { ServerTarget } from './connection.js';

/** A resolved target with a printable label and the values that must never be printed. */
export interface ResolvedTarget {
  target: ServerTarget;
  /** `node server.js --token ***` or `http://127.0.0.1:3001/mcp`. */
  label: string;
  secrets: string[];
}

const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'api-key']);

function isSensitiveHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SENSITIVE_HEADERS.has(lower) || isSensitiveName(lower.replace(/-/g, '_'));
}

function shownUrl(url: URL): string {
  // Credentials and query strings (?token=…) stay out of messages.
  return `${url.origin}${url.pathname}${url.search ? '?…' : ''}`;
}

/** Resolve the config of an agent (or of `atp mcp tools`) against the suite directory and the harness environment. */
export function resolveTarget(config: McpAdapterConfig, baseDir: string, parentEnv: NodeJS.ProcessEnv = process.env): ResolvedTarget {
  const secrets = new Set<string>();
  const transport = transportOf(config);
  if (transport === 'stdio') {
    const words: string[] = [];
    const shown: string[] = [];
    const add = (value: MaybeSecret): void => {
      const text = reveal(value);
      words.push(text);
      // The program name is shown in messages ("command not found: x"); secret arguments never are.
      if (isSecret(value) && words.length > 1) {
        secrets.add(text);
        shown.push('***');
      } else shown.push(text);
    };
    const command = config.command ?? [];
    if (Array.isArray(command)) for (const word of command) add(word);
    else add(command);
    for (const arg of config.args) add(arg);
    const environment = buildEnvironment({ inherit: config.inherit_environment, allowed: config.allowed_env_vars, extra: config.environment, parent: parentEnv });
    for (const s of environment.secrets) secrets.add(s);
    const [file = '', ...args] = words;
    return {
      target: { kind: 'stdio', spec: { file, args, cwd: resolve(baseDir, config.working_dir ?? '.'), env: environment.env } },
      label: shown.join(' '),
      secrets: [...secrets].filter((s) => s.length >= 4),
    };
  }
  const rawUrl = reveal(config.url ?? '');
  if (config.url !== undefined && isSecret(config.url)) secrets.add(rawUrl);
  const url = new URL(rawUrl);
  if (url.password) secrets.add(decodeURIComponent(url.password));
  for (const value of url.searchParams.values()) if (value.length >= 8) secrets.add(value);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers)) {
    headers[name] = reveal(value);
    if (isSecret(value) || isSensitiveHeader(name)) {
      secrets.add(reveal(value));
      // `Bearer abc…`: the token alone may be echoed back too.
      const token = reveal(value).replace(/^(Bearer|Basic|Token)\s+/i, '');
      if (token !== reveal(value)) secrets.add(token);
    }
  }
  return {
    target: { kind: transport, url: rawUrl, headers, sseFallback: config.sse_fallback },
    label: isSecret(config.url) ? `${url.protocol}//***` : shownUrl(url),
    secrets: [...secrets].filter((s) => s.length >= 4),
  };
}
