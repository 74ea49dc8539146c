import type { ArtifactInput } from '@atp/kernel';

// Reads the ATP request on stdin, answers on stdout with the artifacts listed under its task description.
const CANNED_AGENT = `import { readFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (d) => (input += d)).on('end', () => {
  const request = JSON.parse(input);
  const responses = JSON.parse(readFileSync(new URL('responses.json', import.meta.url), 'utf8'));
  const artifacts = responses[request.task.description] ?? [];
  process.stdout.write(JSON.stringify({ task_id: request.task_id, status: 'completed', artifacts }));
});
`;

/**
 * The files of a canned subprocess agent for {@link tempProject}: `agent.mjs` answers each request with the
 * artifacts `responses` lists under its task description (none for another description), kept in `responses.json`.
 */
export function cannedAgent(responses: Readonly<Record<string, readonly ArtifactInput[]>>): Record<string, string> {
  return { 'agent.mjs': CANNED_AGENT, 'responses.json': JSON.stringify(responses) };
}

/** The head of a suite up to `tests:` (six lines) with one cli agent, `agent`, that runs the canned agent with node. */
export function cannedSuiteHead(suite: string, agent = 'crafted'): string {
  return `test_suite: ${suite}
agents:
  - name: ${agent}
    type: cli
    config: { command: node, args: [agent.mjs] }
tests:
`;
}
