import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One vitest project per workspace package: `vitest run --project @atp/kernel` runs one.
// templates/_base is a layer create-atp-plugin copies into every template, not a project of its own.
// Most test files wait on real processes and sockets rather than the CPU, so one worker per core
// (vitest's default is cores - 1, a single worker on a 2-core CI machine) keeps the suite shorter.
export default defineConfig({
  test: {
    maxWorkers: Math.max(2, availableParallelism()),
    projects: ['kernel', 'dsl', 'plugins/*', 'examples/*', 'e2e', 'templates/*', '!templates/_base', 'create-atp-plugin'],
  },
});
