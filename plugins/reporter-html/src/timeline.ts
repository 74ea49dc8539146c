import type { EventSample } from './event-sampler.js';
import { escapeHtml } from './escape.js';
import { formatOffset } from './format.js';

const WIDTH = 760;
const PAD = 14;
const HEIGHT = 46;
const LANE_Y = 22;

const fixed = (n: number): string => (Math.round(n * 10) / 10).toString();

function timelineSvg(sample: EventSample): string {
  const events = sample.events;
  const last = Math.max(...events.map((e) => e.offsetMs));
  // With no measurable spread (events delivered in one burst) place them evenly so all stay visible.
  const position = (offset: number, index: number): number =>
    PAD + (last > 0 ? offset / last : events.length > 1 ? index / (events.length - 1) : 0.5) * (WIDTH - 2 * PAD);
  const dots = events.map((event, i) => {
    const title = `#${event.sequence} ${formatOffset(event.offsetMs)} ${event.type}: ${event.summary}`;
    return `<circle class="ev ev-${escapeHtml(event.type)}" cx="${fixed(position(event.offsetMs, i))}" cy="${LANE_Y}" r="5"><title>${escapeHtml(title)}</title></circle>`;
  });
  return (
    `<svg class="timeline-chart" role="img" aria-label="Event timeline" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">` +
    `<line class="lane" x1="${PAD}" y1="${LANE_Y}" x2="${WIDTH - PAD}" y2="${LANE_Y}"/>` +
    dots.join('') +
    `<text class="tick" x="${PAD}" y="${HEIGHT - 2}">${escapeHtml(formatOffset(0))}</text>` +
    `<text class="tick" x="${WIDTH - PAD}" y="${HEIGHT - 2}" text-anchor="end">${escapeHtml(formatOffset(last))}</text>` +
    '</svg>'
  );
}

/** The event timeline of one test and agent: a dot per event on a time lane, then the events as a table. */
export function renderTimeline(sample: EventSample | undefined): string {
  if (!sample || sample.events.length === 0) {
    return '<section class="timeline"><h4>Event timeline</h4><p class="muted">The agent streamed no events.</p></section>';
  }
  const shown = sample.events.length;
  const note =
    shown < sample.total
      ? `Run ${sample.run}: the first ${shown} of ${sample.total} events.`
      : `Run ${sample.run}: ${sample.total} event${sample.total === 1 ? '' : 's'}.`;
  const types = [...new Set(sample.events.map((e) => e.type))];
  const legend = types.map((type) => `<li><span class="ev-swatch ev-${escapeHtml(type)}"></span>${escapeHtml(type)}</li>`).join('');
  const rows = sample.events.map(
    (event) =>
      `<tr><td class="num">${event.sequence}</td><td class="num">${escapeHtml(formatOffset(event.offsetMs))}</td>` +
      `<td><span class="ev-type ev-${escapeHtml(event.type)}">${escapeHtml(event.type)}</span></td>` +
      `<td class="ev-summary">${escapeHtml(event.summary)}</td>` +
      `<td><details class="payload"><summary>payload${event.payloadTruncated ? ' (cut)' : ''}</summary><pre>${escapeHtml(event.payload)}</pre></details></td></tr>`,
  );
  return (
    '<section class="timeline"><h4>Event timeline</h4>' +
    `<p class="muted">${escapeHtml(note)}</p>` +
    timelineSvg(sample) +
    `<ul class="legend">${legend}</ul>` +
    '<table class="events"><thead><tr><th class="num">#</th><th class="num">Time</th><th>Type</th><th>Summary</th><th>Payload</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}
