import type { Artifact } from '@atp/kernel';

const LISTED_IDS = 20;

/** The id an assertion uses for an artifact: `path` for file and reference artifacts, `name` for structured ones. */
export function artifactId(artifact: Artifact): string {
  return artifact.type === 'structured' ? artifact.name : artifact.path;
}

/**
 * The text of an artifact (reference §1.5): a file's inline `content` when non-empty,
 * a structured artifact's `data` as JSON, nothing for references or files without content.
 */
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
  return artifact.type === 'reference'
    ? `artifact ${id} is a reference; its content is not available`
    : `artifact ${id} has no inline content`;
}

/** An artifact with its text. */
export interface TextTarget {
  id: string;
  text: string;
}

/** The artifacts a text check looks at: the one named `path`, or every artifact that has text. */
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
  if (targets.length === 0) return { ok: false, message: `no artifact has text content; ${describeAvailable(artifacts)}` };
  return { ok: true, targets };
}

const EXCERPT_CONTEXT = 40;

/** A one-line excerpt of `text` around `[start, start + length)`, for evidence. */
export function excerpt(text: string, start: number, length: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, start + length + EXCERPT_CONTEXT);
  const body = text.slice(from, to).replace(/\r?\n/g, '\\n');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
