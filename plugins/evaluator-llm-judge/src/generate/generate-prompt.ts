/** What the generator tells the model about the installed plugins. */
export interface GenerateContext {
  evaluators: Array<{ name: string; description: string }>;
  adapters: Array<{ name: string; description: string }>;
  /** Whether llm_eval assertions compile without their own `judge` (a project-wide judge is configured). */
  judgeConfigured: boolean;
  /** Required suite name (`--name`). */
  name?: string;
  /** Required number of tests (`--count`). */
  count?: number;
}

const FORMAT = `An ATP test suite is a YAML file:

test_suite: <name>            # required
version: "1.0"
description: <one line>
defaults:                     # optional
  runs_per_test: 1
  timeout_seconds: 300
  constraints: { max_steps: 10, timeout_seconds: 120 }
tests:                        # required, at least one
  - id: <unique-kebab-id>
    name: <short human name>
    description: <what the test checks>
    tags: [smoke]
    task:
      description: <the instruction given to the agent>
      input_data: { key: value }          # optional
      expected_artifacts: [report.md]     # optional: files or named results the agent should return
    constraints: { max_steps: 5, timeout_seconds: 60, allowed_tools: [search] }   # optional
    assertions:
      - type: <evaluator name>
        config: { ... }                   # the evaluator's own keys only
        critical: false                   # optional

Unknown keys are errors everywhere. Artifacts are named by file path (file artifacts) or name (structured results).`;

const EXAMPLES = `Examples of assertions:
      - type: artifact_exists
        config: { path: report.md }
      - type: contains
        config: { path: report.md, pattern: "Summary" }
      - type: regex
        config: { path: report.md, pattern: "^# .+" }
      - type: behavior
        config: { max_tool_calls: 5, no_errors: true }`;

/** The system prompt of suite generation: the format, the installed evaluators and adapters, the rules. */
export function generateSystemPrompt(ctx: GenerateContext): string {
  const evaluators = ctx.evaluators.filter((e) => ctx.judgeConfigured || !/^llm_(eval|judge)$/.test(e.name));
  const lines = [
    'You write test suites for ATP, the Agent Test Platform, which runs AI agents on tasks and checks their results.',
    '',
    FORMAT,
    '',
    'Assertion types installed (use only these):',
    ...evaluators.map((e) => `- ${e.name}: ${e.description}`),
    '',
    EXAMPLES,
  ];
  if (ctx.judgeConfigured) lines.push('', 'llm_eval is available with the project judge: { type: llm_eval, config: { criteria: [completeness, factual_accuracy], threshold: 0.7 } } (no judge key needed).');
  lines.push(
    '',
    `Agents: leave out "agents:" unless the description names how to run the agent; installed adapter types: ${ctx.adapters.map((a) => a.name).join(', ') || 'none'}.`,
    'Rules: prefer precise, deterministic assertions; every test needs a task description; ids are unique.',
    'Answer with the complete suite in one ```yaml code block and nothing else.',
  );
  return lines.join('\n');
}

/** The first user message: the description and the requirements. */
export function generateUserPrompt(description: string, ctx: Pick<GenerateContext, 'name' | 'count'>): string {
  const req: string[] = [];
  if (ctx.name) req.push(`- test_suite must be exactly "${ctx.name}"`);
  if (ctx.count) req.push(`- write exactly ${ctx.count} test${ctx.count === 1 ? '' : 's'}`);
  return [`Write an ATP test suite for this:`, '', description.trim(), ...(req.length ? ['', 'Requirements:', ...req] : [])].join('\n');
}

/** The repair message: what the compiler (or a requirement check) reported about the last answer. */
export function repairPrompt(problems: readonly string[]): string {
  return [
    'The ATP compiler rejected that suite:',
    '',
    ...problems,
    '',
    'Fix every problem and answer with the complete corrected suite in one ```yaml code block.',
  ].join('\n');
}

/** The YAML of a model answer: the first ```yaml (or bare ```) block, else the whole text. */
export function extractYaml(text: string): string {
  const fence = /```(?:ya?ml)?[^\n]*\n([\s\S]*?)```/i.exec(text);
  const body = (fence ? fence[1]! : text).replace(/^\s*\n/, '').trimEnd();
  return `${body}\n`;
}
