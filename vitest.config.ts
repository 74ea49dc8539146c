import { defineConfig } from 'vitest/config';

// One vitest project per workspace package: `vitest run --project @atp/kernel` runs one.
export default defineConfig({
  test: {
    projects: ['kernel', 'dsl', 'plugins/*', 'examples/*', 'e2e'],
  },
});
