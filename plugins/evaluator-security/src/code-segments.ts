/** Which language each part of an artifact is written in, for the dangerous-code patterns. */
import type { CodeLanguage } from './config-schema.js';

/** A range of an artifact's text; `language` is undefined when unknown (prose, untagged code). */
export interface Segment {
  start: number;
  end: number;
  language?: CodeLanguage;
}

const BY_EXTENSION: Readonly<Record<string, CodeLanguage>> = {
  py: 'python', pyw: 'python', pyi: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ts: 'javascript', tsx: 'javascript', mts: 'javascript', cts: 'javascript',
  sh: 'bash', bash: 'bash', zsh: 'bash', ksh: 'bash',
};

const BY_FENCE_TAG: Readonly<Record<string, CodeLanguage>> = {
  python: 'python', py: 'python', python3: 'python', py3: 'python', ipython: 'python', pycon: 'python',
  javascript: 'javascript', js: 'javascript', node: 'javascript', nodejs: 'javascript', typescript: 'javascript', ts: 'javascript',
  jsx: 'javascript', tsx: 'javascript', mjs: 'javascript', cjs: 'javascript',
  bash: 'bash', sh: 'bash', shell: 'bash', zsh: 'bash', ksh: 'bash', console: 'bash', 'shell-session': 'bash', shellscript: 'bash',
};

const FENCE = /^[ \t]*(?<fence>`{3,}|~{3,})[ \t]*(?<tag>[\w+#.-]*)[^\n]*\n(?<body>[\s\S]*?)^[ \t]*\k<fence>[ \t]*$/dgm;

/** The language of a file artifact from its extension. */
export function languageOfPath(path: string): CodeLanguage | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext === undefined ? undefined : BY_EXTENSION[ext];
}

/**
 * Split an artifact into segments: a code file is one segment in its language; otherwise each
 * fenced Markdown block with a known language tag is a segment in that language and the rest is unknown.
 */
export function codeSegments(id: string, text: string): Segment[] {
  const fileLanguage = languageOfPath(id);
  if (fileLanguage) return [{ start: 0, end: text.length, language: fileLanguage }];
  const segments: Segment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(FENCE)) {
    const body = match.indices?.groups?.['body'];
    const language = BY_FENCE_TAG[(match.groups?.['tag'] ?? '').toLowerCase()];
    if (!body || !language) continue;
    if (body[0] > cursor) segments.push({ start: cursor, end: body[0] });
    segments.push({ start: body[0], end: body[1], language });
    cursor = body[1];
  }
  if (cursor < text.length) segments.push({ start: cursor, end: text.length });
  return segments;
}
