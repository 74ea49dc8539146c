import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelTurn } from '../src/agent-loop.js';
import { FirstTokenTimer } from '../src/first-token-timer.js';

const TURN: ModelTurn = { text: 'hi', toolCalls: [], usage: { input: 1, output: 1, cacheRead: 0, cacheWrite: 0 }, model: 'm', finishReason: 'stop' };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('FirstTokenTimer', () => {
  it('measures from its creation to the first mark; later marks change nothing', () => {
    const now = vi.spyOn(performance, 'now');
    now.mockReturnValueOnce(1000);
    const timer = new FirstTokenTimer();
    now.mockReturnValueOnce(1012.5).mockReturnValueOnce(2000);
    timer.mark();
    timer.mark();
    expect(timer.stamp(TURN)).toEqual({ ...TURN, firstTokenMs: 12.5 });
  });

  it('leaves the turn without firstTokenMs when no content came, and never changes the turn it is given', () => {
    const stamped = new FirstTokenTimer().stamp(TURN);
    expect(stamped).toEqual(TURN);
    expect(stamped).not.toHaveProperty('firstTokenMs');
    const timer = new FirstTokenTimer();
    timer.mark();
    expect(timer.stamp(TURN)).not.toBe(TURN);
    expect(TURN).not.toHaveProperty('firstTokenMs');
  });
});
