/**
 * `@atp/testkit/e2e`: end-to-end tests through the real `atp` binary. Temp projects (files, an
 * `atp.config.mjs`, a canned subprocess agent), running `atp` in them, reading the JSON report, and
 * building packages a test loads. Spawns processes, so it is a subpath of its own.
 */
export { ATP_BIN, runAtp, type AtpRunResult, type RunAtpOptions } from './run-atp.js';
export { tempProject, atpConfig, type TempProjectOptions, type PluginSpec } from './temp-project.js';
export { removeTempDirs } from '../files/temp-dir.js';
export { cannedAgent, cannedSuiteHead } from './canned-agent.js';
export { ensureBuilt } from './ensure-built.js';
export { readJsonReport, type JsonReport, type JsonReportTest, type JsonReportEvaluation, type JsonReportCheck, type JsonReportSummary, type JsonReportNotRun } from './json-report.js';
