import { z } from 'zod';

const pluginObject = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { message: 'expected a plugin object' });

/** The zod schema of the ATP config file (the source of `atp schema config`). */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    plugins: z
      .array(z.union([z.string().min(1), z.tuple([z.string().min(1), z.record(z.string(), z.unknown())]), pluginObject]))
      .optional()
      .describe('Plugins in order: a package name or path, [name, options], or a plugin object'),
    agents: z
      .record(
        z.string(),
        z
          .object({
            adapter: z.string().optional(),
            type: z.string().optional(),
            config: z.record(z.string(), z.unknown()).optional(),
          })
          .catchall(z.unknown()),
      )
      .optional()
      .describe('Named agents usable with --agent NAME'),
    defaults: z
      .object({
        runs_per_test: z.number().int().min(1).optional(),
        parallel: z.number().int().min(1).optional(),
        timeout_seconds: z.number().positive().optional(),
        retries: z.number().int().min(0).optional(),
        fail_fast: z.boolean().optional(),
        sandbox: z.boolean().optional(),
        runs_dir: z.string().min(1).optional(),
        output: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
    reporters: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    settings: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .strict();
