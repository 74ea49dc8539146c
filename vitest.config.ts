import { defineConfig } from 'vitest/config';

// One vitest project per workspace package: `vitest run --project @atp/kernel` runs one.
// templates/_base is a layer create-atp-plugin copies into every template, not a project of its own.
export default defineConfig({
  test: {
    projects: ['kernel', 'dsl', 'plugins/*', 'examples/*', 'e2e', 'templates/*', '!templates/_base', 'create-atp-plugin'],
  },
});
