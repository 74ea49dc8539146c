import { z } from 'zod';

/** Config of the `echo` adapter (an agent's `config:` block in a suite). */
export const EchoConfigSchema = z.strictObject({
  prefix: z.string().default('').describe('Text written before the echoed task'),
  delay_ms: z.number().int().min(0).max(60_000).default(0).describe('Wait this long before answering (to try timeouts)'),
  max_length: z.number().int().positive().default(10_000).describe('Longest text echoed; a longer task fails with an adapter error'),
});

/** The parsed config of the `echo` adapter. */
export type EchoConfig = z.output<typeof EchoConfigSchema>;
