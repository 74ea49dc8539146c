import { redact, type Logger } from '@atp/kernel';

/** A URL shown in messages: scheme, host and path only (no query, no credentials). */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/$/, '')}`;
  } catch {
    return url;
  }
}

/** A provider SDK's logger routed to ATP's logger, secrets redacted; `name` prefixes each line (`openai sdk: …`). */
export function sdkLogger(logger: Logger, secrets: readonly string[], name: string): Record<'error' | 'warn' | 'info' | 'debug', (message: string, ...rest: unknown[]) => void> {
  const text = (message: string, rest: unknown[]): string => redact([message, ...rest.map((r) => (typeof r === 'string' ? r : JSON.stringify(r)))].join(' '), secrets);
  return {
    // Errors reach the user as AdapterErrors; the SDK's own report would say it twice.
    error: (m, ...r) => logger.debug(`${name}: ${text(m, r)}`),
    warn: (m, ...r) => logger.warn(`${name}: ${text(m, r)}`),
    info: (m, ...r) => logger.debug(`${name}: ${text(m, r)}`),
    debug: (m, ...r) => logger.debug(`${name}: ${text(m, r)}`),
  };
}
