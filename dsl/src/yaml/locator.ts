import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar } from 'yaml';
import type { Position } from '@atp/kernel';
import { scalarOffsetMap } from './scalar-offsets.js';

/** A path into the suite data: mapping keys and list indexes. */
export type DataPath = ReadonlyArray<string | number>;

/** A source range as the kernel's diagnostics want it. */
export interface Range {
  start: Position;
  end: Position;
}

/** What a path resolves to in the YAML tree. */
export interface Located {
  /** The key node of the last segment, when it is a mapping entry. */
  key?: Node;
  /** The value node of the last segment (absent when the key is missing or the value empty). */
  value?: Node;
  /** The deepest node (and its key) that exists along the path. */
  deepest: Node | undefined;
  deepestKey?: Node;
}

/** Maps data paths back to YAML nodes and offsets to 1-based positions. */
export class Locator {
  readonly #doc: Document;
  readonly #lines: LineCounter;
  readonly #source: string;
  readonly #offsetMaps = new WeakMap<Node, number[]>();

  constructor(doc: Document, lines: LineCounter, source: string) {
    this.#doc = doc;
    this.#lines = lines;
    this.#source = source;
  }

  /** The position of a 0-based offset (LineCounter does a binary search: no scan of the file). */
  pos(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#source.length));
    const { line, col } = this.#lines.linePos(clamped);
    return { line, column: col, offset: clamped };
  }

  /** A range from offsets. */
  range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }

  /** Walk the YAML tree along `path`. */
  find(path: DataPath): Located {
    let current: Node | undefined = this.#resolve(this.#doc.contents ?? undefined);
    let key: Node | undefined;
    let resolved = 0;
    let deepest = current;
    let deepestKey: Node | undefined;
    for (const segment of path) {
      let next: Node | undefined;
      key = undefined;
      if (isMap(current)) {
        const pair = current.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) break;
        key = pair.key as Node | undefined;
        next = (pair.value ?? undefined) as Node | undefined;
      } else if (isSeq(current) && typeof segment === 'number') {
        const item = current.items[segment] as Node | undefined;
        if (item === undefined) break;
        next = item ?? undefined;
      } else {
        break;
      }
      resolved++;
      current = this.#resolve(next);
      if (!current) {
        deepestKey = key;
        deepest = undefined;
        break;
      }
      deepest = current;
      deepestKey = key;
    }
    const complete = resolved === path.length;
    return {
      key: complete ? key : undefined,
      value: complete ? current : undefined,
      deepest,
      deepestKey,
    };
  }

  /** The range of a node (up to the end of its value, not trailing comments). */
  nodeRange(node: Node): Range {
    const [start, valueEnd] = node.range ?? [0, 0];
    if (isMap(node) || isSeq(node)) {
      // A block collection spans many lines: underline its first key or item instead.
      const first = node.items[0] as { key?: Node; range?: unknown } | Node | undefined;
      const firstNode = first && 'key' in first && first.key ? (first.key as Node) : (first as Node | undefined);
      if (firstNode?.range && node.flow !== true) return this.range(start, firstNode.range[1]);
    }
    return this.range(start, valueEnd);
  }

  /** Where to point for a problem with the value at `path` (its value, else its key, else the nearest parent). */
  valueRange(path: DataPath): Range {
    const found = this.find(path);
    if (found.value && found.value.range && !isEmptyScalar(found.value)) return this.nodeRange(found.value);
    if (found.key) return this.nodeRange(found.key);
    return this.nearest(found);
  }

  /**
   * Where to point for the key at `path` (the key itself, else the value, else the nearest parent).
   * Also where something missing inside the mapping at `path` is reported: at the key that owns it.
   */
  keyRange(path: DataPath): Range {
    const found = this.find(path);
    if (found.key) return this.nodeRange(found.key);
    if (found.value) return this.nodeRange(found.value);
    return this.nearest(found);
  }

  /** The range of characters `[from, to)` of a scalar's decoded string value. */
  scalarSpan(node: Scalar, value: string, from: number, to: number): Range {
    let map = this.#offsetMaps.get(node);
    if (!map) {
      map = scalarOffsetMap(node, this.#source, value);
      this.#offsetMaps.set(node, map);
    }
    const clamp = (i: number): number => Math.max(0, Math.min(i, value.length));
    const start = map[clamp(from)]!;
    const end = to > from ? map[clamp(to - 1)]! + 1 : start;
    return this.range(start, end);
  }

  #resolve(node: Node | undefined | null): Node | undefined {
    let current: Node | undefined = node ?? undefined;
    for (let hops = 0; current && isAlias(current) && hops < 100; hops++) current = (current.resolve(this.#doc) as Node | undefined) ?? undefined;
    return current && isAlias(current) ? undefined : current;
  }

  /** The deepest key or node that exists along a path that did not fully resolve. */
  nearest(found: Located): Range {
    const node = found.deepestKey ?? found.deepest;
    return node ? this.nodeRange(node) : this.range(0, 0);
  }
}

/** The text of a mapping key as the data sees it. */
export function keyText(key: unknown): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return String(key.value);
  return String(key);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}
