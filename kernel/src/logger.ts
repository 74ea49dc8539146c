import type { Logger } from './contracts.js';

/** A logger writing `level: message` lines to stderr; debug only when enabled. */
export function createLogger(options: { debug?: boolean; write?: (line: string) => void; prefix?: string } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const prefix = options.prefix ? `[${options.prefix}] ` : '';
  return {
    debug: (m) => {
      if (options.debug) write(`debug: ${prefix}${m}`);
    },
    info: (m) => write(`${prefix}${m}`),
    warn: (m) => write(`warning: ${prefix}${m}`),
    error: (m) => write(`error: ${prefix}${m}`),
  };
}

/** A logger that drops everything (tests, SDK default). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
