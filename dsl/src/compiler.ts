import type { CompileInput, CompileOutput, Compiler } from '@atp/kernel';
import { compileSource } from './compile-source.js';
import { suiteJsonSchema } from './schema/json-schema.js';

/** The YAML suite compiler (kernel `CompilerModule` contract). */
export function createCompiler(): Compiler {
  return {
    async compile(input: CompileInput): Promise<CompileOutput> {
      return compileSource(input.source, {
        file: input.file,
        env: input.env,
        kernel: input.kernel,
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
        ...(input.runs !== undefined ? { runs: input.runs } : {}),
        ...(input.suiteHook ? { suiteHook: input.suiteHook } : {}),
      });
    },
    jsonSchema: () => suiteJsonSchema(),
  };
}
