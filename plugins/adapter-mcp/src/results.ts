/**
 * MCP results → ATP artifacts. Every result gives:
 * - `output.txt` (file, text/plain): the text content items joined with "\n", raw (for `contains`,
 *   `regex`, `sections`, style checks), when there is text;
 * - `output` (structured): `{ text }`, plus `json` when that text is a JSON document and, for tool
 *   results, `is_error`;
 * - `structured_content` (structured): a tool's `structuredContent`;
 * - `image`, `audio` (structured): `{ mimeType, data }` (base64), `image_2`… when there are several;
 * - one structured artifact per embedded resource, resource link or read resource content, named
 *   after the last segment of its URI (`demo://docs/readme.md` → `readme.md`).
 */
import { isPlainObject, MAX_ARTIFACT_NAME_LENGTH, MAX_CONTENT_LENGTH } from '@atp/kernel';
import type { ArtifactInput } from '@atp/kernel';

/** Names the adapter itself gives; content never takes them. */
export const OUTPUT_FILE = 'output.txt';
export const OUTPUT_ARTIFACT = 'output';
export const STRUCTURED_CONTENT_ARTIFACT = 'structured_content';

/** The parts of an MCP tool result the conversion reads (the SDK's CallToolResult, loosely typed). */
export interface ToolResultLike {
  content?: readonly unknown[];
  structuredContent?: unknown;
  isError?: boolean;
  /** Protocol 2024-10-07 servers answer with `toolResult` instead of `content`. */
  toolResult?: unknown;
}

/** What a converted result holds. */
export interface ConvertedResult {
  artifacts: ArtifactInput[];
  /** The text content joined with "\n" ('' when there is none). */
  text: string;
}

/** Hands out artifact names, unique within one response (`image`, `image_2`…). */
class Names {
  readonly #used = new Set<string>([OUTPUT_FILE, OUTPUT_ARTIFACT, STRUCTURED_CONTENT_ARTIFACT]);

  take(base: string): string {
    if (!this.#used.has(base)) {
      this.#used.add(base);
      return base;
    }
    for (let i = 2; ; i++) {
      const suffix = `_${i}`;
      const name = `${base.slice(0, MAX_ARTIFACT_NAME_LENGTH - suffix.length)}${suffix}`;
      if (!this.#used.has(name)) {
        this.#used.add(name);
        return name;
      }
    }
  }
}

/**
 * The artifact name for a resource URI: its last non-empty path segment, percent-decoded, without
 * query or fragment (`file:///a/b/notes.md?x=1` → `notes.md`); `resource` when there is none.
 */
export function artifactNameFromUri(uri: string): string {
  const withoutSuffix = uri.replace(/[?#].*$/s, '');
  const afterScheme = withoutSuffix.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, '');
  const segments = afterScheme.split(/[/\\]/).filter((s) => s.trim() !== '');
  let last = segments[segments.length - 1] ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // Malformed escapes stay as written.
  }
  // Artifact names may not contain path separators or NUL.
  const name = last.replace(/[/\\\0]/g, '_').trim().slice(0, MAX_ARTIFACT_NAME_LENGTH);
  return name === '' ? 'resource' : name;
}

/** The parsed JSON of `text` when it is a JSON object or array. */
function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function cap(text: string): string {
  return text.length > MAX_CONTENT_LENGTH ? text.slice(0, MAX_CONTENT_LENGTH) : text;
}

/** The `output.txt` and `output` artifacts of a text (`is_error` for tool results). */
export function outputArtifacts(text: string, isError?: boolean): ArtifactInput[] {
  const artifacts: ArtifactInput[] = [];
  if (text !== '') artifacts.push({ type: 'file', path: OUTPUT_FILE, content_type: 'text/plain', content: cap(text), size_bytes: Buffer.byteLength(text) });
  const json = parseJson(text);
  const data: Record<string, unknown> = { text };
  if (json !== undefined) data['json'] = json;
  if (isError !== undefined) data['is_error'] = isError;
  artifacts.push({ type: 'structured', name: OUTPUT_ARTIFACT, data });
  return artifacts;
}

/** A content item as a plain object without its `type`, for the artifact's data. */
function dataOf(item: Record<string, unknown>): Record<string, unknown> {
  const { type: _type, ...rest } = item;
  return rest;
}

/** Convert the content items of a tool result (or a prompt) into artifacts. */
function contentArtifacts(items: readonly unknown[], names: Names): { artifacts: ArtifactInput[]; texts: string[] } {
  const artifacts: ArtifactInput[] = [];
  const texts: string[] = [];
  for (const raw of items) {
    if (!isPlainObject(raw)) continue;
    const type = typeof raw['type'] === 'string' ? raw['type'] : 'content';
    if (type === 'text') {
      if (typeof raw['text'] === 'string') texts.push(raw['text']);
    } else if (type === 'image' || type === 'audio') {
      artifacts.push({ type: 'structured', name: names.take(type), data: { mimeType: raw['mimeType'] ?? null, data: raw['data'] ?? null }, content_type: typeof raw['mimeType'] === 'string' ? raw['mimeType'] : null });
    } else if (type === 'resource' && isPlainObject(raw['resource'])) {
      const resource = raw['resource'];
      const uri = typeof resource['uri'] === 'string' ? resource['uri'] : '';
      artifacts.push({ type: 'structured', name: names.take(artifactNameFromUri(uri)), data: { ...resource }, content_type: typeof resource['mimeType'] === 'string' ? resource['mimeType'] : null });
    } else if (type === 'resource_link') {
      const uri = typeof raw['uri'] === 'string' ? raw['uri'] : '';
      artifacts.push({ type: 'structured', name: names.take(artifactNameFromUri(uri)), data: { ...dataOf(raw), link: true }, content_type: typeof raw['mimeType'] === 'string' ? raw['mimeType'] : null });
    } else {
      // A content type newer than this adapter: kept whole under its type's name.
      artifacts.push({ type: 'structured', name: names.take(type.replace(/[/\\\0]/g, '_') || 'content'), data: dataOf(raw) });
    }
  }
  return { artifacts, texts };
}

/** Convert a `tools/call` result. */
export function toolResultArtifacts(result: ToolResultLike): ConvertedResult {
  const names = new Names();
  let items: readonly unknown[] = Array.isArray(result.content) ? result.content : [];
  if (!Array.isArray(result.content) && result.toolResult !== undefined) {
    items = [{ type: 'text', text: typeof result.toolResult === 'string' ? result.toolResult : JSON.stringify(result.toolResult) }];
  }
  const { artifacts: rest, texts } = contentArtifacts(items, names);
  const text = texts.join('\n');
  const artifacts = outputArtifacts(text, result.isError === true);
  if (result.structuredContent !== undefined && result.structuredContent !== null) {
    const data = isPlainObject(result.structuredContent) ? result.structuredContent : { value: result.structuredContent };
    artifacts.push({ type: 'structured', name: STRUCTURED_CONTENT_ARTIFACT, data });
  }
  artifacts.push(...rest);
  return { artifacts, text };
}

/** The parts of a `resources/read` result the conversion reads. */
export interface ResourceResultLike {
  contents: ReadonlyArray<Record<string, unknown>>;
}

/** Convert a `resources/read` result: text contents go to `output` too; each content gets its artifact. */
export function resourceResultArtifacts(result: ResourceResultLike): ConvertedResult {
  const names = new Names();
  const texts: string[] = [];
  const rest: ArtifactInput[] = [];
  for (const content of result.contents) {
    if (typeof content['text'] === 'string') texts.push(content['text']);
    const uri = typeof content['uri'] === 'string' ? content['uri'] : '';
    rest.push({ type: 'structured', name: names.take(artifactNameFromUri(uri)), data: { ...content }, content_type: typeof content['mimeType'] === 'string' ? content['mimeType'] : null });
  }
  const text = texts.join('\n');
  return { artifacts: [...outputArtifacts(text), ...rest], text };
}

/** What a `tool_call` event reports as the call's output. */
export function eventOutput(result: ToolResultLike, text: string): Record<string, unknown> {
  const output: Record<string, unknown> = { text, is_error: result.isError === true };
  const json = parseJson(text);
  if (json !== undefined) output['json'] = json;
  if (result.structuredContent !== undefined && result.structuredContent !== null) output['structured_content'] = result.structuredContent;
  return output;
}
