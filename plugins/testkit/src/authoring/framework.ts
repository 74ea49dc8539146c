/**
 * Where the testkit's `valid`/`invalid` cases run: registered as `describe`/`it` blocks of a test framework
 * (vitest when the file runs under it, or any framework with the same two functions), else run at once.
 */

/** The two functions of a test framework the testkit needs (vitest, jest and mocha all fit). */
export interface TestFramework {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>, timeout?: number): unknown;
}

let configured: TestFramework | null | undefined;

// Vitest exposes describe/it only through `import 'vitest'`, which throws outside its runner; vitest sets
// VITEST in its workers, so the import is attempted only there. The specifier is a variable so that
// vitest (an optional peer) is never needed to build or bundle the testkit.
const vitestSpecifier = 'vitest';
const fromVitest: TestFramework | undefined = process.env.VITEST ? await importVitest() : undefined;

async function importVitest(): Promise<TestFramework | undefined> {
  try {
    const mod = (await import(vitestSpecifier)) as Partial<TestFramework>;
    return typeof mod.describe === 'function' && typeof mod.it === 'function' ? { describe: mod.describe, it: mod.it } : undefined;
  } catch {
    return undefined;
  }
}

function fromGlobals(): TestFramework | undefined {
  const g = globalThis as { describe?: unknown; it?: unknown };
  return typeof g.describe === 'function' && typeof g.it === 'function'
    ? { describe: g.describe as TestFramework['describe'], it: g.it as TestFramework['it'] }
    : undefined;
}

/**
 * Choose the framework the test helpers register their cases with: an object with `describe`/`it`,
 * `null` to always run cases at once (plain assertions), or `undefined` to detect again.
 */
export function setTestFramework(framework: TestFramework | null | undefined): void {
  configured = framework;
}

/** The framework cases register with: the explicit one, then global describe/it, then vitest; undefined runs them at once. */
export function currentTestFramework(explicit?: TestFramework | null): TestFramework | undefined {
  if (explicit !== undefined) return explicit ?? undefined;
  if (configured !== undefined) return configured ?? undefined;
  return fromGlobals() ?? fromVitest;
}
