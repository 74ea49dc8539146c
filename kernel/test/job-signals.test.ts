import { describe, expect, it } from 'vitest';
import { JobSignals } from '../src/runner/job-signals.js';

describe('JobSignals', () => {
  it('hands out the same controller while its signal stays clean', () => {
    const signals = new JobSignals();
    const first = signals.acquire();
    const listener = (): void => undefined;
    first.signal.addEventListener('abort', listener);
    first.signal.removeEventListener('abort', listener);
    expect(signals.acquire()).toBe(first);
  });

  it('replaces an aborted controller', () => {
    const signals = new JobSignals();
    const first = signals.acquire();
    first.abort(new Error('timeout'));
    const next = signals.acquire();
    expect(next).not.toBe(first);
    expect(next.signal.aborted).toBe(false);
  });

  it('replaces a controller whose signal still has a listener, which then never fires for later calls', () => {
    const signals = new JobSignals();
    const first = signals.acquire();
    let fired = 0;
    first.signal.addEventListener('abort', () => fired++);
    const next = signals.acquire();
    expect(next).not.toBe(first);
    next.abort(new Error('timeout'));
    expect(fired).toBe(0);
  });
});
