import { z } from 'zod';
import { isSecret, reveal, zSecretString } from '@atp/kernel';
import type { MaybeSecret } from '@atp/kernel';

/** Default cap on the bytes of one response body (SSE stream included): 10 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Default number of sockets per host the keep-alive pool may open at once. */
export const DEFAULT_MAX_CONNECTIONS = 32;

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// Headers the adapter computes itself: letting the config set them would corrupt the framing.
const RESERVED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer']);

/** An http(s) URL that may hold a credential (query token, user:password); a Secret's value is never echoed. */
const zUrl = (key: string) =>
  zSecretString().superRefine((value: MaybeSecret, ctx) => {
    const text = reveal(value);
    const shown = isSecret(value) ? '' : ` (got ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)})`;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      ctx.addIssue({ code: 'custom', message: `${key} must be an absolute http:// or https:// URL${shown}` });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: `${key} must use http:// or https://, not ${url.protocol}//${shown}` });
    }
  });

/** Configuration of the `http` adapter (strict: unknown keys are errors). */
export const HttpAdapterConfigSchema = z
  .strictObject({
    timeout_seconds: z.number().positive().default(300).describe('Limit for one request, in seconds (the test limit applies too; the smaller wins)'),
    retry_count: z.int().min(0).default(0).describe('Retries of retryable adapter failures (done by the runner)'),
    retry_delay_seconds: z.number().min(0).default(1).describe('Delay between retries, in seconds'),
    enable_cost_tracking: z.boolean().default(true).describe('Accepted for compatibility; cost tracking is done by kernel plugins'),
    endpoint: zUrl('endpoint').describe('http(s) URL the ATP request is POSTed to'),
    stream_endpoint: zUrl('stream_endpoint').nullable().default(null).describe('Used instead of endpoint when set (the runner always streams)'),
    health_endpoint: zUrl('health_endpoint').nullable().default(null).describe('GET target of the health check (healthy when status < 500)'),
    headers: z
      .record(z.string(), zSecretString())
      .default({})
      .describe('Extra request headers; values may come from ${VAR} (sensitive ones stay secret)'),
    verify_ssl: z.boolean().default(true).describe('Verify TLS certificates'),
    allow_internal: z
      .boolean()
      .default(false)
      .describe('Allow loopback/private/link-local targets (local agents); cloud metadata stays blocked'),
    max_response_bytes: z.int().positive().default(DEFAULT_MAX_RESPONSE_BYTES).describe('Cap on the bytes of one response body, SSE stream included'),
    max_connections: z.int().positive().default(DEFAULT_MAX_CONNECTIONS).describe('Sockets per host in the keep-alive pool; more concurrent requests queue'),
  })
  .superRefine((config, ctx) => {
    for (const name of Object.keys(config.headers)) {
      if (!HEADER_NAME.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['headers', name],
          message: `invalid header name ${JSON.stringify(name)}: use letters, digits and !#$%&'*+.^_\`|~-`,
        });
      } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['headers', name], message: `header "${name}" is set by the adapter and cannot be configured` });
      }
    }
  });

/** The `http` adapter config after parsing (defaults applied). */
export type HttpAdapterConfig = z.output<typeof HttpAdapterConfigSchema>;

/** The `http` adapter config as written (defaulted keys optional). */
export type HttpAdapterConfigInput = z.input<typeof HttpAdapterConfigSchema>;
