/** Classifying SDK and system errors, and wording them for users. */
import { existsSync } from 'node:fs';
import { AdapterError, redact } from '@atp/kernel';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** The SDK's error for a request whose connection closed before the answer came. */
export function isConnectionClosed(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.ConnectionClosed;
}

/** The SDK's error for a request that was not answered in time. */
export function isRequestTimeout(error: unknown): boolean {
  return error instanceof McpError && error.code === ErrorCode.RequestTimeout;
}

/** A JSON-RPC error the server answered with (as opposed to a broken transport). */
export function isServerError(error: unknown): error is McpError {
  return error instanceof McpError && error.code !== ErrorCode.ConnectionClosed && error.code !== ErrorCode.RequestTimeout;
}

/** A server error's message; SDK-based servers often repeat the client's prefix ("MCP error -32602: MCP error -32602: …"). */
export function serverMessage(error: McpError): string {
  return error.message.replace(/^(MCP error -?\d+: )\1/, '$1');
}

/**
 * A Streamable HTTP session the server no longer knows (it restarted, or expired the session): the
 * spec answer is 404, some servers (server-everything) answer 400 "No valid session ID". The request
 * was not executed, so a new session may send it again.
 */
export function isExpiredSession(error: unknown): boolean {
  if (!(error instanceof StreamableHTTPError)) return false;
  return error.code === 404 || (error.code === 400 && /session/i.test(error.message));
}

/** `fetch failed (ECONNREFUSED 127.0.0.1:9)` rather than `fetch failed`. */
export function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.message];
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 3; depth++) {
    const code = codeOf(cause);
    const text = code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
    if (!parts.some((p) => p.includes(text))) parts.push(text);
    cause = cause.cause;
  }
  return parts.length === 1 ? parts[0]! : `${parts[0]} (${parts.slice(1).join(': ')})`;
}

/** `30s`, `0.5s`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(s < 10 ? 2 : 1))}s`;
}

/** The AdapterError for a server program that could not be started. */
export function startError(error: unknown, spec: { file: string; cwd: string }, settings: { who: string; secrets: readonly string[] }): AdapterError {
  const code = codeOf(error);
  const clean = (text: string): string => redact(text, settings.secrets);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // spawn reports a missing working directory as ENOENT of the command, too.
    if (!existsSync(spec.cwd)) return new AdapterError('other', clean(`${settings.who}: working_dir does not exist: ${spec.cwd}`), { cause: error });
    const hint = /\s/.test(spec.file.trim()) ? ' (command is one program: put its arguments in args, or write command as a list)' : '';
    return new AdapterError('not_found', clean(`${settings.who}: command not found: ${spec.file}${hint}`), { cause: error });
  }
  if (code === 'EACCES') return new AdapterError('other', clean(`${settings.who}: command is not executable (permission denied): ${spec.file}`), { cause: error });
  return new AdapterError('other', clean(`${settings.who}: cannot start ${spec.file}: ${describeCause(error)}`), { cause: error });
}
