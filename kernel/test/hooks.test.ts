import { describe, expect, it } from 'vitest';
import { HOOK_NAMES, createHooks, hasTaps } from '../src/hooks.js';

describe('hasTaps', () => {
  it('is false for every hook nobody tapped, although tapable counts the kernel interceptor as use', () => {
    const hooks = createHooks();
    for (const name of HOOK_NAMES) {
      expect(hasTaps(hooks[name]), name).toBe(false);
      expect(hooks[name].isUsed(), name).toBe(true); // why the runner cannot rely on isUsed()
    }
  });

  it('is true once a plugin tapped the hook, and only for that hook', () => {
    const hooks = createHooks();
    hooks.jobEnd.tapPromise('some-plugin', async () => undefined);
    expect(hasTaps(hooks.jobEnd)).toBe(true);
    expect(hasTaps(hooks.jobStart)).toBe(false);
  });
});
