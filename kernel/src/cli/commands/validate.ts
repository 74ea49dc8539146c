import type { CommandModule } from '../../contracts.js';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';

/** `atp validate SUITE...`: compile each suite and print every diagnostic at once. */
const command: CommandModule = {
  usage: 'SUITE...',
  options: {},
  async run({ args, kernel, report, stdout }) {
    if (!args.length) throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, 'atp validate needs at least one suite file'), { exitCode: 2 });
    const all: Diagnostic[] = [];
    for (const file of args) {
      let out;
      try {
        out = await kernel.compileSuite(file);
      } catch (error) {
        if (error instanceof AtpError) {
          all.push(...error.diagnostics.map((d) => ({ ...d, file: d.file ?? file })));
          continue;
        }
        throw error;
      }
      all.push(...out.diagnostics);
      if (out.plan) stdout(`${file}: ok — suite "${out.plan.suite.name}", ${out.plan.tests.length} test${out.plan.tests.length === 1 ? '' : 's'}\n`);
    }
    if (all.length) report(all);
    return hasErrors(all) ? 2 : 0;
  },
};
export default command;
