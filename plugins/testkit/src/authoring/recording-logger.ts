import type { Logger } from '@atp/kernel';

/** A logger that keeps every message as `"<level>: <message>"` in `lines`. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => void lines.push(`${level}: ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
