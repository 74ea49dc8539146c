#!/usr/bin/env node
/**
 * atp-demo-agent: the file-operations demo agent as a command.
 *
 * One-shot mode (the ATP subprocess protocol): the ATP request is read from stdin to EOF, events
 * go to stderr as JSON lines, the response goes to stdout as one JSON document. Input that is not
 * JSON gives a failed response and exit code 1.
 *
 * Persistent mode (`--persistent`, or ATP_CLI_PERSISTENT=1; the `cli` adapter with `persistent: true`):
 * one process serves many requests, one JSON request per stdin line; see README.md for the framing.
 */
import { handleRequestText, type AgentEvent } from './operations.js';

function writeLine(stream: NodeJS.WriteStream, value: unknown): void {
  stream.write(`${JSON.stringify(value)}\n`);
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function oneShot(): Promise<void> {
  const text = await readAll();
  const { response, ok } = handleRequestText(text, { emit: (event: AgentEvent) => writeLine(process.stderr, event) });
  writeLine(process.stdout, response);
  if (!ok) process.exitCode = 1;
}

/**
 * Persistent mode, framed as @atp/adapter-cli expects: one request per stdin line; on stdout, one
 * JSON line per event `{"task_id", "event"}` and one for the response `{"task_id", "response"}`.
 * A line that is not a request gets a response without task_id in the envelope: the adapter gives
 * it to the one request in flight.
 */
async function persistent(): Promise<void> {
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const { response, ok } = handleRequestText(line, { emit: (event: AgentEvent) => writeLine(process.stdout, { task_id: event.task_id, event }) });
    writeLine(process.stdout, ok ? { task_id: response.task_id, response } : { response });
  }
}

const isPersistent = process.argv.includes('--persistent') || /^(1|true|yes)$/i.test(process.env.ATP_CLI_PERSISTENT ?? '');
await (isPersistent ? persistent() : oneShot());
