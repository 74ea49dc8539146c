import type { CommandContext } from '../../contracts.js';
import type { Plan } from '../../plan.js';
import { AtpError, diagnostic, hasErrors } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';

/** Compile one suite for a command; diagnostics are printed, errors throw (exit 2). */
export async function compileOrThrow(ctx: CommandContext, file: string | undefined, options: { tags?: string; runs?: number } = {}): Promise<Plan> {
  if (!file) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, 'a suite file is required'), { exitCode: 2 });
  const out = await ctx.kernel.compileSuite(file, options);
  if (!out.plan || hasErrors(out.diagnostics)) throw new AtpError(out.diagnostics.length ? out.diagnostics : [diagnostic(ErrorCodes.ATP_INTERNAL, 'the compiler returned no plan', { file })]);
  if (out.diagnostics.length) ctx.report(out.diagnostics);
  return out.plan;
}
