import { Scalar } from 'yaml';

interface Unit {
  /** The decoded text of this source unit ('' for an escaped line break). */
  text: string;
  offset: number;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Split the raw source of a scalar into units, each with the text it decodes to and its source offset. */
function units(node: Scalar, source: string): Unit[] {
  const [start, end] = node.range ?? [0, 0];
  const out: Unit[] = [];
  const push = (text: string, offset: number): void => {
    // Astral characters decode to two UTF-16 units; both map to the escape's offset.
    for (const ch of text.length > 1 ? text.split('') : [text]) out.push({ text: ch, offset });
  };
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE: {
      for (let i = start + 1; i < end - 1; i++) {
        const ch = source[i]!;
        if (ch !== '\\') {
          out.push({ text: ch, offset: i });
          continue;
        }
        const next = source[i + 1] ?? '';
        if (next === '\n' || next === '\r') {
          out.push({ text: '', offset: i });
          i += next === '\r' && source[i + 2] === '\n' ? 2 : 1;
        } else if (next in HEX_LENGTH) {
          const len = HEX_LENGTH[next]!;
          const code = Number.parseInt(source.slice(i + 2, i + 2 + len), 16);
          push(Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '', i);
          i += 1 + len;
        } else {
          push(SIMPLE_ESCAPES[next] ?? next, i);
          i += 1;
        }
      }
      return out;
    }
    case Scalar.QUOTE_SINGLE: {
      for (let i = start + 1; i < end - 1; i++) {
        out.push({ text: source[i]!, offset: i });
        if (source[i] === "'" && source[i + 1] === "'") i++;
      }
      return out;
    }
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      // Skip the header line (`|-`, `>2 # comment`).
      let i = start;
      while (i < end && source[i] !== '\n') i++;
      for (i++; i < end; i++) out.push({ text: source[i]!, offset: i });
      return out;
    }
    default:
      for (let i = start; i < end; i++) out.push({ text: source[i]!, offset: i });
      return out;
  }
}

const isSpace = (s: string): boolean => s === '' || s === ' ' || s === '\t' || s === '\r' || s === '\n';

/**
 * Map every index of a scalar's decoded string value to its offset in the source file.
 * Greedy alignment: decoded characters appear in order in the source; whitespace the YAML
 * folding removed is skipped, and a space produced by folding matches the line break it replaced.
 * The result has one extra slot: the offset just after the last character.
 */
export function scalarOffsetMap(node: Scalar, source: string, value: string): number[] {
  const list = units(node, source);
  const map: number[] = new Array<number>(value.length + 1);
  let u = 0;
  let last = node.range?.[0] ?? 0;
  for (let v = 0; v < value.length; v++) {
    const ch = value[v]!;
    let mapped = false;
    while (u < list.length) {
      const unit = list[u]!;
      if (unit.text === ch || (ch === ' ' && unit.text === '\n')) {
        map[v] = unit.offset;
        last = unit.offset;
        u++;
        mapped = true;
        break;
      }
      if (isSpace(unit.text)) {
        u++;
        continue;
      }
      break;
    }
    // A character the source does not show (folding artefact): keep the last known place.
    if (!mapped) map[v] = u < list.length ? list[u]!.offset : last;
  }
  const lastIndex = value.length - 1;
  map[value.length] = lastIndex >= 0 ? map[lastIndex]! + 1 : (list[0]?.offset ?? node.range?.[0] ?? 0);
  return map;
}
