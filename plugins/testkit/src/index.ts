// @atp/testkit: local LLM wire-format servers (./llm) and plugin-author test helpers (./authoring).
export * from './llm/index.js';
export * from './authoring/index.js';
