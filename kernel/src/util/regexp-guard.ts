import { setFlagsFromString } from 'node:v8';

let armed = false;

/**
 * Guard the process against catastrophic regex backtracking (ReDoS): a suite's `regex` check such as
 * `^(a+)+$` against a long artifact would otherwise hold the event loop for minutes, out of reach of
 * test timeouts and Ctrl-C. V8 then switches a regex that backtracks excessively to its linear-time
 * engine, which gives the same answer. Patterns the linear engine cannot run (backreferences,
 * lookaround) keep backtracking. Idempotent; called before anything is evaluated.
 */
export function armRegExpGuard(): void {
  if (armed) return;
  armed = true;
  setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
}
