import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hasParentSegment, isAbsolutePath, type EvalCheck, type EvaluationInput, check } from '@atp/kernel';
import type { ArtifactExistsConfig } from '../config-schemas.js';
import { artifactId, findArtifact, notFoundMessage } from '../artifacts.js';

/**
 * `artifact_exists`: an artifact whose path or name equals `path`. When the runner gave a sandbox
 * workspace, a file or directory at `path` inside it also counts (the original's disk fallback, §9 item 10).
 */
export async function artifactExists(config: ArtifactExistsConfig, input: EvaluationInput): Promise<EvalCheck> {
  const { artifacts } = input.response;
  const artifact = findArtifact(artifacts, config.path);
  if (artifact) return check('artifact_exists', true, `artifact ${JSON.stringify(config.path)} exists (${artifact.type})`);
  if (input.workspace !== undefined && (await existsInWorkspace(input.workspace, config.path))) {
    return check('artifact_exists', true, `${JSON.stringify(config.path)} exists in the workspace (not among the response's artifacts)`);
  }
  return check('artifact_exists', false, notFoundMessage(config.path, artifacts), {
    details: { available: artifacts.map(artifactId) },
  });
}

async function existsInWorkspace(workspace: string, path: string): Promise<boolean> {
  // Only relative paths that stay inside the workspace: an assertion must not probe the machine.
  if (isAbsolutePath(path) || hasParentSegment(path) || path.includes('\0')) return false;
  try {
    await stat(join(workspace, path));
    return true;
  } catch {
    return false;
  }
}
