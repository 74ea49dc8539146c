import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempProject as makeProject } from '@atp/testkit/e2e';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The scripted agent whose score distribution shifts by SHIFT. */
export const SHIFTING_AGENT = join(HERE, 'fixtures/shifting-agent.mjs');

/** A temp project under the repo's .tmp/ (so `@atp/*` resolve through the workspace) with this plugin enabled. */
export function tempProject(files: Record<string, string>): string {
  return makeProject(files, { prefix: 'baseline-', plugins: ['@atp/preset-default', '@atp/command-baseline'] });
}

/** A fresh state directory for the shifting agent's run numbers. */
export function stateDir(project: string, name: string): string {
  const dir = join(project, 'state', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const markers = Array.from({ length: 10 }, (_, i) => `      - {type: contains, id: m${i}, config: {pattern: MARKER-${i}}}`).join('\n');

/**
 * A suite of two tests, each asserting the 10 markers, against the shifting agent; `agents` maps an
 * agent name to its SHIFT (the agents read SEED and AGENT_STATE_DIR from the harness environment).
 */
export function shiftingSuite(agents: Record<string, string | undefined>): string {
  const blocks = Object.entries(agents).map(
    ([name, shift]) => `  - name: ${name}
    type: cli
    config:
      command: ${JSON.stringify(process.execPath)}
      args: [${JSON.stringify(SHIFTING_AGENT)}]
      environment: {AGENT_ID: ${name}${shift !== undefined ? `, SHIFT: "${shift}"` : ''}}
      allowed_env_vars: [SEED, SHIFT, AGENT_STATE_DIR]`,
  );
  return `test_suite: shifting
agents:
${blocks.join('\n')}
tests:
  - id: t-alpha
    name: Alpha task
    task: {description: produce the markers}
    assertions:
${markers}
  - id: t-beta
    name: Beta task
    task: {description: produce the markers again}
    assertions:
${markers}
`;
}
