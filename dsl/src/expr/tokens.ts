import { createToken, Lexer, type TokenType } from 'chevrotain';

/** Names: assertion ids and types, and members after a dot. Hyphens are allowed inside (`fa-001`). */
export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_-]*/ });
/** Keywords are case-insensitive; `longer_alt` keeps `ANDROID` or `not_found` an identifier. */
export const And = createToken({ name: 'And', pattern: /and/i, longer_alt: Identifier });
export const Or = createToken({ name: 'Or', pattern: /or/i, longer_alt: Identifier });
export const Not = createToken({ name: 'Not', pattern: /not/i, longer_alt: Identifier });
/** Category of the six comparison operators. */
export const Comparator = createToken({ name: 'Comparator', pattern: Lexer.NA });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/, categories: Comparator });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, categories: Comparator });
export const Equal = createToken({ name: 'Equal', pattern: /==/, categories: Comparator });
export const NotEqual = createToken({ name: 'NotEqual', pattern: /!=/, categories: Comparator });
export const Greater = createToken({ name: 'Greater', pattern: />/, categories: Comparator });
export const Less = createToken({ name: 'Less', pattern: /</, categories: Comparator });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

/** Every token type, in matching order (longer operators first, keywords before identifiers). */
export const allTokens: TokenType[] = [
  WhiteSpace,
  GreaterEq,
  LessEq,
  Equal,
  NotEqual,
  Greater,
  Less,
  Comparator,
  NumberLiteral,
  Dot,
  LParen,
  RParen,
  And,
  Or,
  Not,
  Identifier,
];

/** The expression lexer, built once per process. */
export const exprLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
