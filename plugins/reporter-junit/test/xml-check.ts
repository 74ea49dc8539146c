/**
 * A small, strict XML 1.0 reader for tests: it rejects what a real parser rejects in our output
 * (bad nesting, unquoted or duplicate attributes, raw `<`/`&`, unknown entities, characters XML
 * does not allow) and returns the tree with attribute values normalised as a parser would.
 */

/** An element as read back. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function decode(raw: string, where: string): string {
  return raw.replace(/&([^;]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new Error(`bare & in ${where}: ${JSON.stringify(raw)}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const numeric = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
    if (numeric) {
      const code = Number.parseInt(numeric[1]!, body.startsWith('#x') ? 16 : 10);
      if (!isXmlChar(code)) throw new Error(`reference to a character XML does not allow in ${where}: &${body};`);
      return String.fromCodePoint(code);
    }
    throw new Error(`unknown entity &${body}; in ${where}`);
  });
}

/** Parse `xml`; throws with a reason when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  for (const char of xml) {
    const code = char.codePointAt(0)!;
    // A lone surrogate iterates as one unit in the surrogate range.
    if (!isXmlChar(code) || (code >= 0xd800 && code <= 0xdfff)) throw new Error(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (rest === xml) throw new Error('missing XML declaration');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    const lt = rest.indexOf('<');
    const text = lt === -1 ? rest : rest.slice(0, lt);
    if (text.length > 0) {
      if (text.includes(']]>')) throw new Error(']]> in text');
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (text.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(text)}`);
      } else {
        parent.text += decode(text.replace(/\r\n?/g, '\n'), `text of <${parent.name}>`);
      }
    }
    if (lt === -1) break;
    rest = rest.slice(lt);
    const closing = /^<\/([A-Za-z_][\w.-]*)\s*>/.exec(rest);
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== closing[1]) throw new Error(`</${closing[1]}> does not close <${open?.name ?? 'nothing'}>`);
      rest = rest.slice(closing[0].length);
      continue;
    }
    const opening = /^<([A-Za-z_][\w.-]*)/.exec(rest);
    if (!opening) throw new Error(`unexpected markup: ${JSON.stringify(rest.slice(0, 30))}`);
    const element: XmlElement = { name: opening[1]!, attributes: {}, children: [], text: '' };
    rest = rest.slice(opening[0].length);
    for (;;) {
      const attribute = /^\s+([A-Za-z_][\w.:-]*)="([^"<]*)"/.exec(rest);
      if (!attribute) break;
      const [whole, name, raw] = attribute as unknown as [string, string, string];
      if (name in element.attributes) throw new Error(`duplicate attribute ${name} on <${element.name}>`);
      // Attribute-value normalisation: literal whitespace controls become spaces.
      element.attributes[name] = decode(raw.replace(/[\t\n\r]/g, ' '), `attribute ${name} of <${element.name}>`);
      rest = rest.slice(whole.length);
    }
    const end = /^\s*(\/?)>/.exec(rest);
    if (!end) throw new Error(`malformed tag <${element.name}: ${JSON.stringify(rest.slice(0, 30))}`);
    rest = rest.slice(end[0].length);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (end[1] !== '/') stack.push(element);
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}
