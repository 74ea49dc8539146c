import { describe, expect, it } from 'vitest';
import { artifactNameFromUri, eventOutput, resourceResultArtifacts, toolResultArtifacts } from '../src/results.js';

describe('artifactNameFromUri', () => {
  it('takes the last path segment, decoded, without query or fragment', () => {
    expect(artifactNameFromUri('demo://resource/static/document/features.md')).toBe('features.md');
    expect(artifactNameFromUri('file:///home/u/notes%20v2.md?rev=3#top')).toBe('notes v2.md');
    expect(artifactNameFromUri('https://example.com/a/b/')).toBe('b');
    expect(artifactNameFromUri('demo://resource/dynamic/text/1')).toBe('1');
  });

  it('never yields an empty name or a path separator', () => {
    expect(artifactNameFromUri('')).toBe('resource');
    expect(artifactNameFromUri('mem://')).toBe('resource');
    expect(artifactNameFromUri('x://a/b%2Fc')).toBe('b_c');
    expect(artifactNameFromUri('x://a/%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('toolResultArtifacts', () => {
  it('joins text items into output.txt (raw) and output {text}', () => {
    const { artifacts, text } = toolResultArtifacts({ content: [{ type: 'text', text: 'say "hi"' }, { type: 'text', text: 'line 2' }] });
    expect(text).toBe('say "hi"\nline 2');
    expect(artifacts).toEqual([
      { type: 'file', path: 'output.txt', content_type: 'text/plain', content: 'say "hi"\nline 2', size_bytes: 15 },
      { type: 'structured', name: 'output', data: { text: 'say "hi"\nline 2', is_error: false } },
    ]);
  });

  it('adds the parsed JSON of a JSON text and keeps structuredContent as its own artifact', () => {
    const { artifacts } = toolResultArtifacts({ content: [{ type: 'text', text: '{"temperature":36}' }], structuredContent: { temperature: 36 } });
    expect(artifacts.slice(1)).toEqual([
      { type: 'structured', name: 'output', data: { text: '{"temperature":36}', json: { temperature: 36 }, is_error: false } },
      { type: 'structured', name: 'structured_content', data: { temperature: 36 } },
    ]);
  });

  it('converts images, audio, embedded resources, resource links and unknown items, with unique names', () => {
    const { artifacts, text } = toolResultArtifacts({
      content: [
        { type: 'image', data: 'iVBOR', mimeType: 'image/png' },
        { type: 'image', data: 'R0lG', mimeType: 'image/gif' },
        { type: 'audio', data: 'UklG', mimeType: 'audio/wav' },
        { type: 'resource', resource: { uri: 'demo://docs/output', mimeType: 'text/plain', text: 'embedded' } },
        { type: 'resource_link', uri: 'demo://docs/guide.md', name: 'Guide', mimeType: 'text/markdown' },
        { type: 'resource_link', uri: 'demo://other/guide.md', name: 'Other guide' },
        { type: 'hologram', frames: 3 },
      ],
    });
    expect(text).toBe('');
    expect(artifacts).toEqual([
      { type: 'structured', name: 'output', data: { text: '', is_error: false } },
      { type: 'structured', name: 'image', data: { mimeType: 'image/png', data: 'iVBOR' }, content_type: 'image/png' },
      { type: 'structured', name: 'image_2', data: { mimeType: 'image/gif', data: 'R0lG' }, content_type: 'image/gif' },
      { type: 'structured', name: 'audio', data: { mimeType: 'audio/wav', data: 'UklG' }, content_type: 'audio/wav' },
      // "output" is taken by the adapter's own artifact.
      { type: 'structured', name: 'output_2', data: { uri: 'demo://docs/output', mimeType: 'text/plain', text: 'embedded' }, content_type: 'text/plain' },
      { type: 'structured', name: 'guide.md', data: { uri: 'demo://docs/guide.md', name: 'Guide', mimeType: 'text/markdown', link: true }, content_type: 'text/markdown' },
      { type: 'structured', name: 'guide.md_2', data: { uri: 'demo://other/guide.md', name: 'Other guide', link: true }, content_type: null },
      { type: 'structured', name: 'hologram', data: { frames: 3 } },
    ]);
  });

  it('flags isError results in output', () => {
    expect(toolResultArtifacts({ content: [{ type: 'text', text: 'denied' }], isError: true }).artifacts[1]).toEqual({ type: 'structured', name: 'output', data: { text: 'denied', is_error: true } });
  });

  it('wraps a non-object structuredContent and reads legacy toolResult answers', () => {
    expect(toolResultArtifacts({ content: [], structuredContent: [1, 2] }).artifacts[1]).toEqual({ type: 'structured', name: 'structured_content', data: { value: [1, 2] } });
    expect(toolResultArtifacts({ toolResult: { ok: true } }).text).toBe('{"ok":true}');
  });
});

describe('resourceResultArtifacts', () => {
  it('puts text contents into output and each content into an artifact named after its URI', () => {
    const { artifacts, text } = resourceResultArtifacts({
      contents: [
        { uri: 'demo://docs/a.md', mimeType: 'text/markdown', text: '# A' },
        { uri: 'demo://blobs/a.md', mimeType: 'application/octet-stream', blob: 'AAEC' },
      ],
    });
    expect(text).toBe('# A');
    expect(artifacts).toEqual([
      { type: 'file', path: 'output.txt', content_type: 'text/plain', content: '# A', size_bytes: 3 },
      { type: 'structured', name: 'output', data: { text: '# A' } },
      { type: 'structured', name: 'a.md', data: { uri: 'demo://docs/a.md', mimeType: 'text/markdown', text: '# A' }, content_type: 'text/markdown' },
      { type: 'structured', name: 'a.md_2', data: { uri: 'demo://blobs/a.md', mimeType: 'application/octet-stream', blob: 'AAEC' }, content_type: 'application/octet-stream' },
    ]);
  });
});

describe('eventOutput', () => {
  it('reports text, parsed JSON, structured content and the error flag', () => {
    expect(eventOutput({ structuredContent: { sum: 3 }, isError: false }, '{"sum":3}')).toEqual({ text: '{"sum":3}', is_error: false, json: { sum: 3 }, structured_content: { sum: 3 } });
    expect(eventOutput({ isError: true }, 'boom')).toEqual({ text: 'boom', is_error: true });
  });
});
