// XML 1.0 allows only #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
// anything else (NUL, other C0 controls, lone surrogates, U+FFFE/U+FFFF) makes a parser reject
// the whole file, so it is dropped. With the `u` flag a lone surrogate is one code point here.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// In attribute values a parser normalises tab, newline and carriage return to spaces unless
// they are written as character references.
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = {
  ...TEXT_ENTITIES,
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Remove characters XML 1.0 does not allow. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escape text for element content: `& < > " '` as entities, `\r` as a reference, invalid characters removed. */
export function escapeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\r]/g, (c) => (c === '\r' ? '&#13;' : (TEXT_ENTITIES[c] ?? c)));
}

/** Escape text for a double- or single-quoted attribute value; whitespace controls survive as references. */
export function escapeXmlAttribute(text: string): string {
  return stripInvalidXmlChars(text).replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c);
}

/** Render `name="value"` pairs, escaping values. */
export function xmlAttributes(attributes: ReadonlyArray<readonly [string, string | number]>): string {
  return attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`).join('');
}
