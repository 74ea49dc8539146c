import type { Reporter, ReporterInit, RunReport, TapOnlyHooks } from '@atp/kernel';
import { htmlReporterConfigSchema, type HtmlReporterConfig } from './config.js';
import { EventSampler } from './event-sampler.js';
import { renderHtml } from './render-html.js';

/** Create the HTML reporter with explicit clocks (tests pin them). */
export function createHtmlReporter(
  config: HtmlReporterConfig,
  init: ReporterInit,
  clock: { now: () => Date; ms: () => number } = { now: () => new Date(), ms: Date.now },
): Reporter {
  const timeline = config.max_events_per_test > 0;
  const sampler = new EventSampler({ maxEvents: config.max_events_per_test, maxPayloadChars: config.max_payload_chars, now: clock.ms });
  return {
    apply(hooks: TapOnlyHooks): void {
      // The kernel's report keeps no events (memory stays flat), so the timeline samples the live stream.
      if (!timeline) return;
      hooks.jobStart.tapPromise('html-timeline', async (info) => sampler.jobStarted(info));
      hooks.event.tap('html-timeline', (event, info) => sampler.record(event, info));
    },
    finish(report: RunReport): void {
      init.write(
        renderHtml(report, {
          title: config.title,
          expand: config.expand,
          maxPayloadChars: config.max_payload_chars,
          ...(timeline ? { sample: (testId: string, agent: string) => sampler.get(testId, agent) } : {}),
          generatedAt: clock.now(),
          warn: (message) => init.logger.warn(`html reporter: ${message}`),
        }),
      );
    },
  };
}

/** Create the HTML reporter: samples events while the run goes, writes one self-contained page when it ends. */
export function createReporter(config: HtmlReporterConfig, init: ReporterInit): Reporter {
  return createHtmlReporter(htmlReporterConfigSchema.parse(config ?? {}), init);
}
