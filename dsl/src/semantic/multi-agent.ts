import { ErrorCodes } from '@atp/kernel';
import type { TestShellInput } from '../schema/suite.js';
import type { DataPath } from '../yaml/locator.js';
import { report, type CompileContext } from '../context.js';
import { checkUnique } from './duplicates.js';
import { didYouMean } from '../suggest.js';

const BLOCKS = { comparison_config: 'comparison', collaboration_config: 'collaboration', handoff_config: 'handoff' } as const;

/** The multi-agent rules of reference §2.8, each violation located where it is written. */
export function checkMultiAgent(ctx: CompileContext, test: TestShellInput, path: DataPath, agentNames: ReadonlySet<string>): void {
  const { agents, mode } = test;
  const at = (...rest: Array<string | number>) => ctx.locator.valueRange([...path, ...rest]);
  if (mode && !agents) {
    report(ctx, ErrorCodes.ATP_MULTI_AGENT, `mode "${mode}" needs "agents": the agents this test runs against`, at('mode'), 'add agents: [name, …] with names from the suite agents');
  }
  if (agents && agents.length > 1 && !mode) {
    report(ctx, ErrorCodes.ATP_MULTI_AGENT, `a test with ${agents.length} agents needs a "mode"`, ctx.locator.keyRange([...path, 'agents']), 'set mode: comparison, collaboration or handoff');
  }
  if (agents && (mode === 'collaboration' || mode === 'handoff') && agents.length < 2) {
    report(ctx, ErrorCodes.ATP_MULTI_AGENT, `mode "${mode}" needs at least 2 agents, got ${agents.length}`, at('agents'), 'list two or more agents, or use mode: comparison');
  }
  if (agents) {
    agents.forEach((name, i) => {
      if (agentNames.has(name)) return;
      const names = [...agentNames];
      report(
        ctx,
        ErrorCodes.ATP_UNKNOWN_AGENT,
        `unknown agent "${name}"${didYouMean(name, names)}`,
        at('agents', i),
        names.length ? `agents defined: ${names.join(', ')}` : 'define it in the suite under "agents:" (name, type, config)',
      );
    });
    checkUnique(
      ctx,
      agents.map((name, i) => ({ name, path: [...path, 'agents', i], item: [...path, 'agents', i] })),
      'agent',
      'list each agent once',
    );
  }
  for (const [block, blockMode] of Object.entries(BLOCKS)) {
    if (test[block as keyof typeof BLOCKS] === undefined || mode === blockMode) continue;
    report(
      ctx,
      ErrorCodes.ATP_MULTI_AGENT,
      mode ? `"${block}" does not apply to mode "${mode}"` : `"${block}" needs mode: ${blockMode}`,
      ctx.locator.keyRange([...path, block]),
      `only the config block of the test's mode may be present${mode ? ` (${mode}_config)` : ''}`,
    );
  }
  const coordinator = test.collaboration_config?.coordinator_agent;
  if (coordinator && agents && !agents.includes(coordinator)) {
    report(
      ctx,
      ErrorCodes.ATP_MULTI_AGENT,
      `coordinator_agent "${coordinator}" is not one of this test's agents (${[...new Set(agents)].join(', ')})${didYouMean(coordinator, agents)}`,
      at('collaboration_config', 'coordinator_agent'),
    );
  }
}
