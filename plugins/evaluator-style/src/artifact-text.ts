/** The artifact text rules of reference §1.5 (shared through the kernel), and the one text style metrics use. */
import { describeAvailable, textTargets, type Artifact, type TextTarget } from '@atp/kernel';

export { textTargets, type TextTarget } from '@atp/kernel';

/** The one text metrics are computed on (reference §3.9): the artifact named `path`, else the first artifact that has text. */
export function metricTarget(artifacts: readonly Artifact[], path: string | undefined): { ok: true; target: TextTarget } | { ok: false; message: string } {
  const found = textTargets(artifacts, path);
  if (!found.ok) return found;
  const first = found.targets[0];
  if (!first) return { ok: false, message: `no artifact has text content; ${describeAvailable(artifacts)}` };
  return { ok: true, target: first };
}
