import { z } from 'zod';
import type { CommandModule } from '../../contracts.js';
import { AtpError, diagnostic } from '../../diagnostics.js';
import { ErrorCodes } from '../../codes.js';
import { protocolJsonSchemas } from '../../protocol/index.js';
import { ConfigSchema } from '../../config/schema.js';

/** The JSON Schema of the config file. */
export function configJsonSchema(): object {
  return { ...z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }), title: 'ATP config file' };
}

/** `atp schema protocol|config|suite`: print a JSON Schema. */
const command: CommandModule = {
  usage: 'protocol|config|suite',
  options: {},
  async run({ args, kernel, stdout }) {
    const what = args[0];
    let schema: object;
    if (what === 'protocol') schema = protocolJsonSchemas();
    else if (what === 'config') schema = configJsonSchema();
    else if (what === 'suite') {
      const entry = kernel.registries.compilers.list().find((c) => c.extensions.includes('.yaml'));
      if (!entry) throw new AtpError(diagnostic(ErrorCodes.ATP_NO_COMPILER, 'no YAML suite compiler is installed', { hint: 'install @atp/dsl (part of @atp/preset-default)' }));
      const compiler = (await kernel.registries.compilers.load(entry.name)).createCompiler();
      if (!compiler.jsonSchema) throw new AtpError(diagnostic(ErrorCodes.ATP_NO_COMPILER, `the compiler "${entry.name}" does not publish a JSON Schema`));
      schema = compiler.jsonSchema();
    } else {
      throw new AtpError(diagnostic(ErrorCodes.ATP_USAGE, what ? `unknown schema "${what}"` : 'which schema?', { hint: 'atp schema protocol | config | suite' }), { exitCode: 2 });
    }
    stdout(JSON.stringify(schema, null, 2) + '\n');
    return 0;
  },
};
export default command;
