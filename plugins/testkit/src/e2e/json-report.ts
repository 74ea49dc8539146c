import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The parts of `atp test --output json` (@atp/reporter-json) that end-to-end tests read.

/** One check of an evaluation. */
export interface JsonReportCheck { name: string; passed: boolean; score: number; message: string | null; evidence?: string; details?: Record<string, unknown> }
/** One assertion's result; `skipped` when it could not be decided. */
export interface JsonReportEvaluation { evaluator: string; assertion: string; passed: boolean; score: number; checks: JsonReportCheck[]; skipped?: { reason: string; message: string } }
/** One test against one agent; `evaluations` (of the first run) only when there are any. */
export interface JsonReportTest { test_id: string; test_name: string; agent: string; tags: string[]; success: boolean; score: number | null; duration_seconds: number; runs: { total: number; successful: number; passed: number }; error: string | null; failure_kind: string | null; flaky: boolean; evaluations?: JsonReportEvaluation[] }
/** The run summary. */
export interface JsonReportSummary { suite_name: string; agent_name: string; total_tests: number; passed_tests: number; failed_tests: number; success_rate: number; runs_per_test: number; success: boolean; error: string | null; interrupted: boolean; not_run_tests: number }
/** A test the run stopped before it finished a run. */
export interface JsonReportNotRun { test_id: string; test_name: string; agent: string; tags: string[] }
/** The JSON report a run wrote. */
export interface JsonReport { version: string; run_id: string; summary: JsonReportSummary; tests: JsonReportTest[]; not_run: JsonReportNotRun[] }

/** Read the JSON report `file` (default `report.json`) of the project in `dir`. */
export function readJsonReport(dir: string, file = 'report.json'): JsonReport {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonReport;
}
