/**
 * `@atp/subprocess`: the subprocess utilities shared by ATP plugins that start processes — the
 * environment filters, process groups (spawn, signal, terminate with a grace period, kill at exit)
 * shell-word splitting and splitting output into capped lines. A library, not a plugin.
 */
export { buildEnvironment, isInheritable, MINIMAL_ENV } from './environment.js';
export type { EnvironmentOptions } from './environment.js';
export { buildCleanEnvironment, TOOLCHAIN_VARIABLES } from './clean-environment.js';
export type { CleanEnvironmentOptions } from './clean-environment.js';
export type { BuiltEnvironment } from './env-assembly.js';
export {
  groupAlive,
  killGroup,
  registerGroup,
  signalGroup,
  terminateGroup,
  unregisterGroup,
  waitGroupGone,
} from './process-group.js';
export { spawnInGroup } from './spawn-in-group.js';
export { CommandSyntaxError, splitShellWords } from './shell-words.js';
export type { ShellWordsOptions } from './shell-words.js';
export { LineSplitter } from './line-splitter.js';
