import { describeAvailable, textTargets as kernelTextTargets, type Artifact, type TextTarget } from '@atp/kernel';

export { artifactId, artifactText, findArtifact, describeAvailable, notFoundMessage, noTextReason, type TextTarget } from '@atp/kernel';

/** The artifacts a text check looks at: the one named `path`, or every artifact that has text (an error when none has). */
export function textTargets(artifacts: readonly Artifact[], path: string | undefined): { ok: true; targets: TextTarget[] } | { ok: false; message: string } {
  const found = kernelTextTargets(artifacts, path);
  if (found.ok && path === undefined && found.targets.length === 0) return { ok: false, message: `no artifact has text content; ${describeAvailable(artifacts)}` };
  return found;
}

const EXCERPT_CONTEXT = 40;

/** A one-line excerpt of `text` around `[start, start + length)`, for evidence. */
export function excerpt(text: string, start: number, length: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, start + length + EXCERPT_CONTEXT);
  const body = text.slice(from, to).replace(/\r?\n/g, '\\n');
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
