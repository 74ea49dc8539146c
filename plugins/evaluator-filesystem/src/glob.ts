/**
 * A small glob matcher for workspace paths (`/`-separated): `*` and `?` stay within one path
 * segment, `**` spans segments (`a/**` also matches `a`, `**\/x` also matches `x`), `[abc]`/`[!a-z]`
 * are character classes and `{a,b}` alternatives. No other magic: a dot file is matched like any file.
 */

/** A compiled glob, or why it is invalid. */
export type CompiledGlob = { ok: true; regex: RegExp } | { ok: false; error: string };

const SPECIAL = /[.+^$()|\\]/;

/** Compile `glob` into an anchored regular expression. */
export function compileGlob(glob: string): CompiledGlob {
  if (glob.length === 0) return { ok: false, error: 'a glob cannot be empty' };
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        const next = glob[i + 2];
        i++;
        if (atStart && next === '/') {
          out += '(?:.*/)?';
          i++;
        } else if (atStart && next === undefined) {
          out += '.*';
        } else {
          out += '[^/]*';
        }
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) return { ok: false, error: `unterminated character class in glob ${JSON.stringify(glob)}` };
      let body = glob.slice(i + 1, end);
      if (body.startsWith('!')) body = '^' + body.slice(1);
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else if (c === '/' && glob.slice(i + 1) === '**') {
      // `a/**` matches `a` itself and everything below it.
      out += '(?:/.*)?';
      i += 2;
    } else {
      out += SPECIAL.test(c) ? `\\${c}` : c;
    }
  }
  if (braces > 0) return { ok: false, error: `unterminated "{" in glob ${JSON.stringify(glob)}` };
  try {
    return { ok: true, regex: new RegExp(`^${out}$`) };
  } catch (error) {
    return { ok: false, error: `invalid glob ${JSON.stringify(glob)}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
