import { z } from 'zod';

/** Options of the `html` reporter. */
export const htmlReporterConfigSchema = z.strictObject({
  /** The page title and main heading. */
  title: z.string().min(1).max(200).default('ATP Test Results').describe('Page title and main heading'),
  /** Events kept per test and agent for the timeline (of the first run); 0 turns the timeline off. */
  max_events_per_test: z
    .int()
    .min(0)
    .max(10_000)
    .default(50)
    .describe('Events kept per test and agent for the timeline (first run only); 0 turns the timeline off'),
  /** Longest JSON shown for an event payload or a check's details before it is cut. */
  max_payload_chars: z.int().min(100).max(1_000_000).default(2000).describe("Longest JSON shown for an event payload or a check's details before it is cut"),
  /** Which tests start expanded: the failed ones (default), all or none. */
  expand: z.enum(['failed', 'all', 'none']).default('failed').describe('Which tests start expanded: failed (default), all or none'),
});

/** The parsed options of the `html` reporter. */
export type HtmlReporterConfig = z.output<typeof htmlReporterConfigSchema>;
