/**
 * The text an evaluator reads, following reference §1.5: a file artifact's inline `content` when
 * non-empty, a structured artifact's `data` as JSON; references and files without content have none.
 * (A small copy of @atp/evaluator-artifact's rule: plugins do not import each other.)
 */
import type { Artifact } from '@atp/kernel';

/** The id an assertion uses for an artifact: `path` for files and references, `name` for structured ones. */
export function artifactId(artifact: Artifact): string {
  return artifact.type === 'structured' ? artifact.name : artifact.path;
}

/** The text of an artifact, or undefined when it has none. */
export function artifactText(artifact: Artifact): string | undefined {
  if (artifact.type === 'structured') return JSON.stringify(artifact.data);
  if (artifact.type === 'file' && typeof artifact.content === 'string' && artifact.content.length > 0) return artifact.content;
  return undefined;
}

/** An artifact with its text. */
export interface TextTarget {
  id: string;
  text: string;
}

function available(artifacts: readonly Artifact[]): string {
  if (artifacts.length === 0) return 'the response has no artifacts';
  const ids = artifacts.slice(0, 20).map(artifactId).join(', ');
  return `available: ${ids}${artifacts.length > 20 ? ` and ${artifacts.length - 20} more` : ''}`;
}

/** The artifact named `path` (an error when missing or without text), or every artifact that has text (possibly none). */
export function textTargets(artifacts: readonly Artifact[], path: string | undefined): { ok: true; targets: TextTarget[] } | { ok: false; message: string } {
  if (path !== undefined) {
    const artifact = artifacts.find((a) => artifactId(a) === path);
    if (!artifact) return { ok: false, message: `artifact ${JSON.stringify(path)} not found; ${available(artifacts)}` };
    const text = artifactText(artifact);
    if (text === undefined) {
      const why = artifact.type === 'reference' ? 'is a reference; its content is not available' : 'has no inline content';
      return { ok: false, message: `artifact ${JSON.stringify(path)} ${why}` };
    }
    return { ok: true, targets: [{ id: path, text }] };
  }
  const targets: TextTarget[] = [];
  for (const artifact of artifacts) {
    const text = artifactText(artifact);
    if (text !== undefined) targets.push({ id: artifactId(artifact), text });
  }
  return { ok: true, targets };
}

/** The one text metrics are computed on (reference §3.9): the artifact named `path`, else the first artifact that has text. */
export function metricTarget(artifacts: readonly Artifact[], path: string | undefined): { ok: true; target: TextTarget } | { ok: false; message: string } {
  const found = textTargets(artifacts, path);
  if (!found.ok) return found;
  const first = found.targets[0];
  if (!first) return { ok: false, message: `no artifact has text content; ${available(artifacts)}` };
  return { ok: true, target: first };
}
