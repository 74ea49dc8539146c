/**
 * The `cli` adapter: runs the agent as a subprocess speaking ATP over stdin/stdout/stderr, either
 * one process per request (reference §4.3) or one persistent process for all requests.
 */
import { resolve } from 'node:path';
import { AdapterError, isSecret, reveal } from '@atp/kernel';
import type { ATPRequest, ATPResponse, Adapter, AdapterCallContext, AdapterInit, MaybeSecret } from '@atp/kernel';
import { buildEnvironment, splitShellWords } from '@atp/subprocess';
import { CliAdapterConfigSchema } from './config.js';
import type { CliAdapterConfig, CliAdapterConfigInput } from './config.js';
import { runOnce } from './one-shot.js';
import { PersistentAgent } from './persistent.js';
import type { ProcessSpec } from './process.js';

function argv(config: CliAdapterConfig): { words: string[]; secrets: string[] } {
  const secrets: string[] = [];
  const words: string[] = [];
  const add = (value: MaybeSecret, split: boolean): void => {
    const text = reveal(value);
    const parts = split ? splitShellWords(text) : [text];
    if (isSecret(value)) {
      // The program name is shown in messages ("command not found: x"); its arguments never are.
      const hidden = words.length === 0 ? parts.slice(1) : parts;
      secrets.push(...hidden.filter((p) => p.length >= 4));
      if (split && parts.length > 1 && text.length >= 4) secrets.push(text);
    }
    words.push(...parts);
  };
  if (typeof config.command === 'string' || isSecret(config.command)) add(config.command, true);
  else for (const word of config.command) add(word, false);
  for (const arg of config.args) add(arg, false);
  return { words, secrets };
}

/** An adapter instance; in persistent mode it owns the long-lived agent process. */
export class CliAdapter implements Adapter {
  readonly #config: CliAdapterConfig;
  readonly #init: AdapterInit;
  readonly #spec: ProcessSpec;
  readonly #secrets: string[];
  readonly #persistent: PersistentAgent | undefined;
  readonly #terminations = new Set<Promise<void>>();
  #closed = false;
  /**
   * Persistent mode: `max_concurrency`, the requests the one process serves at once, so that the
   * runner starts no more jobs for the agent and no test's time runs out in the queue. One-shot mode
   * starts a process per request: no limit.
   */
  readonly maxConcurrency?: number;

  constructor(config: CliAdapterConfig, init: AdapterInit) {
    this.#config = config;
    this.#init = init;
    const { words, secrets } = argv(config);
    const environment = buildEnvironment({
      inherit: config.inherit_environment,
      allowed: config.allowed_env_vars,
      extra: config.environment,
      parent: process.env,
    });
    const [file, ...args] = words;
    this.#spec = { file: file ?? '', args, cwd: resolve(init.baseDir, config.working_dir ?? '.'), env: environment.env };
    this.#secrets = [...new Set([...secrets, ...environment.secrets])].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
    this.#persistent = config.persistent
      ? new PersistentAgent(this.#spec, {
          timeoutSeconds: config.timeout_seconds,
          maxOutputBytes: config.max_output_bytes,
          maxConcurrency: config.max_concurrency,
          graceMs: config.kill_grace_seconds * 1000,
          secrets: this.#secrets,
          logger: init.logger,
        })
      : undefined;
    if (config.persistent) this.maxConcurrency = config.max_concurrency;
  }

  /** Processes started by the persistent mode so far (0 in one-shot mode). */
  get spawnCount(): number {
    return this.#persistent?.spawnCount ?? 0;
  }

  /** Run one request: spawn the agent (or use the persistent one) and collect its events and response. */
  run(request: ATPRequest, context: AdapterCallContext): Promise<ATPResponse> {
    if (this.#closed) return Promise.reject(new AdapterError('other', 'the cli adapter was already closed'));
    if (this.#persistent) return this.#persistent.run(request, context);
    return runOnce(this.#spec, request, context, {
      timeoutSeconds: this.#config.timeout_seconds,
      maxOutputBytes: this.#config.max_output_bytes,
      graceMs: this.#config.kill_grace_seconds * 1000,
      secrets: this.#secrets,
      logger: this.#init.logger,
      track: (termination) => {
        this.#terminations.add(termination);
        void termination.finally(() => this.#terminations.delete(termination));
      },
    });
  }

  /** End the persistent process and wait for killed process trees to be gone. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#persistent?.close();
    await Promise.all([...this.#terminations]);
  }
}

/** Create a `cli` adapter; the config is validated (again) so defaults always apply. */
export function createAdapter(config: CliAdapterConfigInput, init: AdapterInit): CliAdapter {
  return new CliAdapter(CliAdapterConfigSchema.parse(config), init);
}
