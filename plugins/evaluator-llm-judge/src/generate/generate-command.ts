import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AtpError, ErrorCodes, diagnostic, hasErrors, renderDiagnostic, type CommandContext, type CommandModule, type Diagnostic } from '@atp/kernel';
import { resolveApiKey } from '../api-key.js';
import { createClient } from '../clients/create-client.js';
import { JudgeCallError, type CallUsage, type LlmClient, type TextCall } from '../clients/types.js';
import { JUDGE_PROVIDERS, judgeProblem, mergeJudge, resolveJudge, type JudgeFields, type JudgeProvider, type ResolvedJudge } from '../config-schema.js';
import { backoffDelay, sleep } from '../retry.js';
import { extractYaml, generateSystemPrompt, generateUserPrompt, repairPrompt, type GenerateContext } from './generate-prompt.js';

/** Repair rounds when the command line sets none: the compiler's diagnostics go back to the model at most this often. */
export const DEFAULT_MAX_REPAIRS = 2;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function usage(message: string, hint?: string): AtpError {
  return new AtpError(diagnostic(ErrorCodes.ATP_USAGE, message, hint ? { hint } : {}), { exitCode: 2 });
}

function count(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw usage(`--${name} expects a whole number ≥ ${min}, got "${v}"`);
  return n;
}

/** Totals of the model calls, for the closing line. */
class Tally {
  calls = 0;
  input = 0;
  output = 0;
  add(u: CallUsage): void {
    this.calls++;
    this.input += u.inputTokens;
    this.output += u.outputTokens;
  }
}

/** One chat call with the judge's retry policy (429/5xx/network, Retry-After honoured). */
async function ask(client: LlmClient, call: TextCall, judge: ResolvedJudge, tally: Tally, signal: AbortSignal): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const reply = await client.text(call, signal);
      tally.add(reply.usage);
      if (reply.truncated) throw usage(`the model's answer was cut off at ${judge.max_tokens} tokens`, 'raise max_tokens in the plugin options, or ask for fewer tests (--count)');
      return reply.text;
    } catch (error) {
      if (!(error instanceof JudgeCallError)) throw error;
      if (error.aborted || !error.retryable || attempt > judge.retries) {
        throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, `the model call (${judge.provider}/${judge.model}) failed${error.status !== undefined ? ` with HTTP ${error.status}` : ''} after ${attempt} attempt${attempt === 1 ? '' : 's'}: ${error.message}`), { exitCode: 2 });
      }
      if (!(await sleep(backoffDelay(attempt, judge.retry_delay_seconds * 1000, error.waitMs), signal))) throw usage('interrupted');
    }
  }
}

/** Problems of one attempt: compiler errors (with code frames, paths shown as `suite.yaml`) and unmet requirements. */
function problemsOf(diagnostics: readonly Diagnostic[], source: string, shownAs: string, tempFile: string): string[] {
  return diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => renderDiagnostic({ ...d, ...(d.file ? { file: d.file === tempFile || resolve(d.file) === tempFile ? shownAs : d.file } : {}) }, { source }));
}

/** `atp generate from-description`: the model writes a suite; the compiler validates it; diagnostics go back for repairs. */
export function createGenerateCommand(suiteJudge: () => JudgeFields | undefined): CommandModule {
  return {
    usage: 'from-description [TEXT] [options]',
    options: {
      file: { type: 'string', short: 'f', value: 'FILE', description: 'read the description from FILE' },
      output: { type: 'string', short: 'o', value: 'FILE', description: 'write the suite to FILE (default: stdout)' },
      name: { type: 'string', value: 'NAME', description: 'the test_suite name to use' },
      count: { type: 'string', value: 'N', description: 'how many tests to write' },
      force: { type: 'boolean', description: 'overwrite --output when it exists' },
      provider: { type: 'string', value: 'NAME', description: `model provider: ${JUDGE_PROVIDERS.join(', ')} (default: the judge's)` },
      model: { type: 'string', value: 'MODEL', description: "model id (default: the judge's)" },
      'base-url': { type: 'string', value: 'URL', description: "API base URL (default: the judge's)" },
      'max-repairs': { type: 'string', value: 'N', description: `rounds of compiler feedback before giving up (default ${DEFAULT_MAX_REPAIRS})` },
    },
    async run(ctx: CommandContext): Promise<number> {
      const [sub, ...words] = ctx.args;
      if (sub !== 'from-description') {
        throw usage(sub ? `unknown generate command "${sub}"` : 'atp generate needs a subcommand', 'atp generate from-description "a suite that checks …" --output suite.yaml');
      }
      const file = str(ctx.options.file);
      const parts = [words.join(' ').trim(), file ? (await readDescription(resolve(ctx.cwd, file))).trim() : ''].filter(Boolean);
      if (!parts.length) throw usage('describe the suite to write: atp generate from-description "TEXT", or --file FILE');
      const description = parts.join('\n\n');
      const name = str(ctx.options.name)?.trim() || undefined;
      const tests = count('count', str(ctx.options.count), 1);
      const maxRepairs = count('max-repairs', str(ctx.options['max-repairs']), 0) ?? DEFAULT_MAX_REPAIRS;
      const output = str(ctx.options.output) ? resolve(ctx.cwd, str(ctx.options.output)!) : undefined;
      if (output && existsSync(output) && !ctx.options.force) throw usage(`${relative(ctx.cwd, output) || output} already exists`, 'pass --force to overwrite it');

      const provider = str(ctx.options.provider);
      if (provider !== undefined && !(JUDGE_PROVIDERS as readonly string[]).includes(provider)) throw usage(`--provider must be one of ${JUDGE_PROVIDERS.join(', ')}, got "${provider}"`);
      const flags: JudgeFields = {
        ...(provider ? { provider: provider as JudgeProvider } : {}),
        ...(str(ctx.options.model) ? { model: str(ctx.options.model)! } : {}),
        ...(str(ctx.options['base-url']) ? { base_url: str(ctx.options['base-url'])! } : {}),
      };
      const merged = mergeJudge(suiteJudge(), flags);
      const problem = judgeProblem('atp generate', merged);
      if (problem) throw usage(problem.message.replace('set judge: {provider, model} on the assertion or', 'pass --provider and --model or'), 'the generator uses the LLM judge configuration of @atp/evaluator-llm-judge');
      const judge = resolveJudge(merged);
      const key = resolveApiKey(judge, process.env);
      if (!key.ok) throw usage(key.message);
      const client = await createClient(judge, key.key);

      const context: GenerateContext = {
        evaluators: ctx.kernel.registries.evaluators.list().map((e) => ({ name: e.name, description: e.description })),
        adapters: ctx.kernel.registries.adapters.list().map((a) => ({ name: a.name, description: a.description })),
        judgeConfigured: suiteJudge() !== undefined && judgeProblem('llm_eval', suiteJudge()!) === undefined,
        ...(name ? { name } : {}),
        ...(tests ? { count: tests } : {}),
      };
      const call: TextCall = { system: generateSystemPrompt(context), messages: [{ role: 'user', content: generateUserPrompt(description, context) }] };
      const shownAs = output ? basename(output) : 'suite.yaml';
      const workDir = output ? dirname(output) : ctx.cwd;
      const tempFile = join(workDir, `.atp-generate-${process.pid}-${Date.now()}.yaml`);
      const tally = new Tally();
      let yaml = '';
      let problems: string[] = [];
      try {
        for (let round = 0; round <= maxRepairs; round++) {
          if (round > 0) {
            ctx.stderr(`generate: the suite has ${problems.length} problem${problems.length === 1 ? '' : 's'}; asking the model to fix ${problems.length === 1 ? 'it' : 'them'} (repair ${round} of ${maxRepairs})\n`);
            call.messages.push({ role: 'assistant', content: `\`\`\`yaml\n${yaml}\`\`\`` }, { role: 'user', content: repairPrompt(problems) });
          }
          yaml = extractYaml(await ask(client, call, judge, tally, ctx.signal));
          await writeFile(tempFile, yaml);
          const compiled = await ctx.kernel.compileSuite(tempFile);
          problems = problemsOf(compiled.diagnostics, yaml, shownAs, tempFile);
          if (compiled.plan && !hasErrors(compiled.diagnostics)) {
            if (name && compiled.plan.suite.name !== name) problems.push(`test_suite is "${compiled.plan.suite.name}" but must be "${name}"`);
            if (tests && compiled.plan.tests.length !== tests) problems.push(`the suite has ${compiled.plan.tests.length} tests but must have exactly ${tests}`);
          }
          if (!problems.length && compiled.plan) {
            const plan = compiled.plan;
            if (output) await writeFile(output, yaml);
            else ctx.stdout(yaml);
            ctx.stderr(
              `generated suite "${plan.suite.name}": ${plan.tests.length} test${plan.tests.length === 1 ? '' : 's'}, valid${round ? ` after ${round} repair round${round === 1 ? '' : 's'}` : ''}${output ? ` → ${relative(ctx.cwd, output) || output}` : ''}` +
                ` (${judge.provider}/${judge.model}: ${tally.calls} call${tally.calls === 1 ? '' : 's'}, ${tally.input} input / ${tally.output} output tokens)\n`,
            );
            return 0;
          }
        }
      } finally {
        await rm(tempFile, { force: true });
      }
      const rejected = join(workDir, `${basename(shownAs, '.yaml')}.rejected.yaml`);
      await writeFile(rejected, yaml);
      ctx.stderr(`generate: the model's suite is still invalid after ${maxRepairs} repair round${maxRepairs === 1 ? '' : 's'}:\n\n${problems.join('\n\n')}\n\nThe last attempt is in ${relative(ctx.cwd, rejected) || rejected}\n`);
      return 2;
    },
  };
}

async function readDescription(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (cause as Error).message;
    throw new AtpError(diagnostic(ErrorCodes.ATP_DATA_FILE, `cannot read the description: ${reason}`, { file: path }), { exitCode: 2 });
  }
}
