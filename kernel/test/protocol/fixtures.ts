import { readFileSync } from 'node:fs';

/** One conformance fixture entry. */
export interface Fixture {
  description: string;
  data: unknown;
  expected_error?: string;
}

/** The three message types with fixture folders. */
export type MessageKind = 'requests' | 'responses' | 'events';

/** Load `fixtures/<kind>/<validity>.json`. */
export function loadFixtures(kind: MessageKind, validity: 'valid' | 'invalid'): Fixture[] {
  const url = new URL(`./fixtures/${kind}/${validity}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture[];
}
