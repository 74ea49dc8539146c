#!/usr/bin/env node
// Thin shim: the CLI is compiled to dist/ (`npm run build` at the repository root builds it).
import('../dist/cli.js').then(
  async ({ main }) => {
    process.exitCode = await main(process.argv.slice(2));
  },
  (error) => {
    process.stderr.write(`create-atp-plugin is not built (${error.message}); run npm run build first\n`);
    process.exitCode = 1;
  },
);
