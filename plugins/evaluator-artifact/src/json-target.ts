import type { Artifact } from '@atp/kernel';
import { artifactId, describeAvailable, findArtifact, noTextReason, notFoundMessage } from './artifacts.js';

/** The JSON value a `schema` or `json_path` assertion looks at, or why there is none. */
export type JsonTarget = { ok: true; id: string; data: unknown } | { ok: false; message: string };

/**
 * The artifact named `path` (a structured artifact's `data`, or a file's content parsed as JSON);
 * without `path`, the first structured artifact, else the first file artifact whose content is a JSON object or array.
 */
export function jsonTarget(artifacts: readonly Artifact[], path: string | undefined): JsonTarget {
  if (path !== undefined) {
    const artifact = findArtifact(artifacts, path);
    if (!artifact) return { ok: false, message: notFoundMessage(path, artifacts) };
    if (artifact.type === 'structured') return { ok: true, id: path, data: artifact.data };
    if (artifact.type === 'reference' || !artifact.content) return { ok: false, message: noTextReason(artifact) };
    const parsed = parseJson(artifact.content);
    return parsed.ok
      ? { ok: true, id: path, data: parsed.value }
      : { ok: false, message: `artifact ${JSON.stringify(path)} is not valid JSON: ${parsed.error}` };
  }
  const structured = artifacts.find((a) => a.type === 'structured');
  if (structured) return { ok: true, id: artifactId(structured), data: structured.data };
  for (const artifact of artifacts) {
    if (artifact.type !== 'file' || !artifact.content) continue;
    const parsed = parseJson(artifact.content);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value !== null) return { ok: true, id: artifact.path, data: parsed.value };
  }
  return { ok: false, message: `no structured artifact and no file artifact with JSON content; ${describeAvailable(artifacts)}` };
}

const FENCED = /^\s*```[\w-]*\r?\n([\s\S]*?)\r?\n```\s*$/;

/** Parse JSON text; one surrounding Markdown code fence is tolerated (agents often add one). */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const body = FENCED.exec(text)?.[1] ?? text;
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
