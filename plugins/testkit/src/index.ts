// @atp/testkit: local LLM wire-format servers (./llm), plugin-author test helpers (./authoring), helpers for
// tests of real processes (./process) and temp files (./files). Running the `atp` binary is `@atp/testkit/e2e`;
// hand-built run reports are `@atp/testkit/reports`.
export * from './llm/index.js';
export * from './authoring/index.js';
export * from './process/index.js';
export * from './files/index.js';
