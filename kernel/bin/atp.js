#!/usr/bin/env node
// The `atp` binary. `--version` is answered without importing anything else, so it starts as fast as node.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${pkg.version}\n`);
} else {
  let cli;
  try {
    cli = await import('../dist/cli/main.js');
  } catch (error) {
    if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
      process.stderr.write('error: @atp/kernel is not built (dist/ is missing): run `npm run build` in the ATP repository\n');
      process.exit(2);
    }
    throw error;
  }
  process.exitCode = await cli.main(argv);
}
