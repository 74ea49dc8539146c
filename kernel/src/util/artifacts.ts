/**
 * How evaluators address artifacts and read their text (reference §1.5), in one place: a file artifact's
 * inline `content` when non-empty, a structured artifact's `data` as JSON; references and files without
 * content have none.
 */
import type { Artifact } from '../protocol/index.js';

const LISTED_IDS = 20;

/** The id an assertion uses for an artifact: `path` for file and reference artifacts, `name` for structured ones. */
export function artifactId(artifact: Artifact): string {
  return artifact.type === 'structured' ? artifact.name : artifact.path;
}

/** The text of an artifact, or undefined when it has none. */
export function artifactText(artifact: Artifact): string | undefined {
  if (artifact.type === 'structured') return JSON.stringify(artifact.data);
  if (artifact.type === 'file' && typeof artifact.content === 'string' && artifact.content.length > 0) return artifact.content;
  return undefined;
}

/** The artifact whose id equals `id` exactly. */
export function findArtifact(artifacts: readonly Artifact[], id: string): Artifact | undefined {
  return artifacts.find((a) => artifactId(a) === id);
}

/** `available: a.txt, stats` (at most 20 ids), or a note that there are none. */
export function describeAvailable(artifacts: readonly Artifact[]): string {
  if (artifacts.length === 0) return 'the response has no artifacts';
  const ids = artifacts.slice(0, LISTED_IDS).map(artifactId).join(', ');
  const more = artifacts.length > LISTED_IDS ? ` and ${artifacts.length - LISTED_IDS} more` : '';
  return `available: ${ids}${more}`;
}

/** `artifact "report.md" not found; available: a.txt, stats`. */
export function notFoundMessage(id: string, artifacts: readonly Artifact[]): string {
  return `artifact ${JSON.stringify(id)} not found; ${describeAvailable(artifacts)}`;
}

/** Why an artifact has no text, for messages. */
export function noTextReason(artifact: Artifact): string {
  const id = JSON.stringify(artifactId(artifact));
  return artifact.type === 'reference' ? `artifact ${id} is a reference; its content is not available` : `artifact ${id} has no inline content`;
}

/** An artifact with its text. */
export interface TextTarget {
  id: string;
  text: string;
}

/** The artifact named `path` (an error when missing or without text), or every artifact that has text (possibly none). */
export function textTargets(artifacts: readonly Artifact[], path: string | undefined): { ok: true; targets: TextTarget[] } | { ok: false; message: string } {
  if (path !== undefined) {
    const artifact = findArtifact(artifacts, path);
    if (!artifact) return { ok: false, message: notFoundMessage(path, artifacts) };
    const text = artifactText(artifact);
    return text === undefined ? { ok: false, message: noTextReason(artifact) } : { ok: true, targets: [{ id: path, text }] };
  }
  const targets: TextTarget[] = [];
  for (const artifact of artifacts) {
    const text = artifactText(artifact);
    if (text !== undefined) targets.push({ id: artifactId(artifact), text });
  }
  return { ok: true, targets };
}
