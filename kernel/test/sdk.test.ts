import { describe, expect, it } from 'vitest';
import { AtpError, evaluate, type ATPResponse } from '../src/index.js';

describe('SDK evaluate()', () => {
  it('refuses a response that is not an ATP response with a usage error naming what is wrong', async () => {
    const error = await evaluate({ status: 'completed' } as unknown as ATPResponse, [{ type: 'contains', config: { pattern: 'x' } }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtpError);
    const atpError = error as AtpError;
    expect(atpError.diagnostics[0]!.code).toBe('ATP_USAGE');
    expect(atpError.message).toMatch(/^evaluate\(\): not an ATP response: .*task_id/);
  });
});
