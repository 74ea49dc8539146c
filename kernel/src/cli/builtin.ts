import { definePlugin } from '../plugin.js';

/** The kernel's own commands, registered like any plugin's (their modules load only when run). */
export const builtinPlugin = definePlugin({
  name: '@atp/kernel',
  apiVersion: 1,
  description: 'core commands',
  commands: [
    { name: 'test', usage: 'test SUITE...', description: 'run suites against agents and report the results', load: () => import('./commands/test.js') },
    { name: 'validate', usage: 'validate SUITE...', description: 'check suites and print every problem found', load: () => import('./commands/validate.js') },
    { name: 'plan', usage: 'plan SUITE [--json]', description: 'print the compiled plan of a suite', load: () => import('./commands/plan.js') },
    { name: 'list', usage: 'list SUITE [--tags T]', description: 'list the tests of a suite with their tags', load: () => import('./commands/list.js') },
    { name: 'benchmark', usage: 'benchmark NAME [--option k=v] --agent A', description: "load a benchmark's tests with its loader and run them", load: () => import('./commands/benchmark.js') },
    { name: 'import', usage: 'import NAME SOURCE [--output FILE]', description: 'convert external traces into ATP requests, events and responses (JSON lines)', load: () => import('./commands/import.js') },
    { name: 'schema', usage: 'schema protocol|config|suite', description: 'print a JSON Schema (ATP protocol, config file, suite format)', load: () => import('./commands/schema.js') },
    { name: 'plugins', usage: 'plugins list|info|enable|disable NAME', description: 'list, inspect, enable and disable plugins', load: () => import('./commands/plugins.js') },
  ],
});
