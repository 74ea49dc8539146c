import { runAtp, tempProject as makeProject, type AtpRunResult } from '@atp/testkit/e2e';

// The machine's provider keys and endpoints must never reach a judge under test: an undefined value removes the variable.
const NO_KEYS = { OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined, AZURE_OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, ANTHROPIC_BASE_URL: undefined };

/** A temp project under the repo's .tmp/ so `@atp/*` resolve through the workspace node_modules. */
export function tempProject(files: Record<string, string>): string {
  return makeProject(files, { prefix: 'judge-' });
}

/** Run the real `atp` binary in `cwd` (OPENAI_API_KEY/ANTHROPIC_API_KEY removed unless `env` sets them). */
export function atp(args: string[], cwd: string, env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<AtpRunResult> {
  return runAtp(args, cwd, { ...NO_KEYS, ...env }, { timeoutMs });
}
