import { AssertionError } from 'node:assert';
import { currentTestFramework, type TestFramework } from './framework.js';

/** Options every `test*` helper accepts. */
export interface TestHelperOptions {
  /** Register the cases with this framework (`null`: run them at once); default: detected (vitest, globals). */
  framework?: TestFramework | null;
}

/** One case, named, with the function that checks it (throws an AssertionError on failure). */
export interface NamedCase {
  title: string;
  run: () => Promise<void>;
  /** Per-case timeout handed to the framework. */
  timeoutMs?: number;
}

/** A default title for a case: its `name`, else its position and config. */
export function caseTitle(index: number, name: string | undefined, config: unknown): string {
  if (name) return name;
  const json = JSON.stringify(config ?? {});
  return `#${index + 1} ${json.length > 60 ? `${json.slice(0, 57)}...` : json}`;
}

/**
 * Run groups of cases: as `describe(title) > describe(group) > it(case)` blocks when a framework is
 * available (the returned promise then resolves at once), else one after the other, rejecting with one
 * AssertionError that lists every failed case.
 */
export function runCases(title: string, groups: Record<string, NamedCase[]>, options: TestHelperOptions = {}): Promise<void> {
  const total = Object.values(groups).reduce((n, g) => n + g.length, 0);
  if (total === 0) throw new TypeError(`${title}: no cases: give at least one valid or invalid case`);
  const framework = currentTestFramework(options.framework);
  if (framework) {
    framework.describe(title, () => {
      for (const [group, cases] of Object.entries(groups)) {
        if (!cases.length) continue;
        framework.describe(group, () => {
          for (const c of cases) framework.it(c.title, c.run, c.timeoutMs);
        });
      }
    });
    return Promise.resolve();
  }
  return runNow(title, groups);
}

async function runNow(title: string, groups: Record<string, NamedCase[]>): Promise<void> {
  const failures: string[] = [];
  for (const [group, cases] of Object.entries(groups)) {
    for (const c of cases) {
      try {
        await c.run();
      } catch (error) {
        failures.push(`${title} > ${group} > ${c.title}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (failures.length) {
    throw new AssertionError({ message: `${failures.length} case${failures.length === 1 ? '' : 's'} failed:\n${failures.map((f) => `  - ${f}`).join('\n')}` });
  }
}

/** Throw an AssertionError with `message` (and the values for a diff, when given). */
export function fail(message: string, values?: { actual: unknown; expected: unknown }): never {
  throw new AssertionError({ message, ...(values ? { actual: values.actual, expected: values.expected, operator: 'match' } : {}) });
}
