/**
 * Exact money arithmetic: amounts are bigints of 10⁻¹⁸ USD ("atto-dollars"), so adding thousands of
 * tiny per-call costs never drifts the way binary floats do (0.1 + 0.2 ≠ 0.3).
 */

/** An amount of US dollars in units of 10⁻¹⁸ USD. */
export type Usd = bigint;

const SCALE_DIGITS = 18;
const DECIMAL = /^(\d+)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$|^\.(\d+)(?:[eE]([-+]?\d+))?$/;

/** Zero dollars. */
export const ZERO_USD: Usd = 0n;

/**
 * Parse a non-negative decimal (`0.0025`, `"7.5e-8"`, `3`) exactly; digits beyond 18 decimals are
 * rounded half-up. Throws a RangeError for negative, non-finite or malformed values.
 */
export function parseUsd(value: number | string): Usd {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new RangeError(`expected a non-negative decimal amount, got ${JSON.stringify(value)}`);
  const intPart = m[1] ?? '0';
  const fracPart = m[2] ?? m[4] ?? '';
  const exponent = Number(m[3] ?? m[5] ?? '0');
  // digits × 10^(exponent − fraction length), expressed at SCALE.
  const digits = BigInt(intPart + fracPart);
  const shift = exponent - fracPart.length + SCALE_DIGITS;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  return divRound(digits, 10n ** BigInt(-shift));
}

function numberText(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`expected a non-negative finite amount, got ${value}`);
  return String(value);
}

function divRound(a: bigint, b: bigint): bigint {
  return (a + b / 2n) / b;
}

/** Cost of `tokens` tokens at `per1k` dollars per 1,000 tokens. */
export function tokenCost(tokens: number, per1k: Usd): Usd {
  if (!Number.isFinite(tokens) || tokens <= 0) return ZERO_USD;
  return divRound(BigInt(Math.round(tokens)) * per1k, 1000n);
}

/** Sum of amounts. */
export function sumUsd(amounts: Iterable<Usd>): Usd {
  let total = ZERO_USD;
  for (const a of amounts) total += a;
  return total;
}

/** Multiply an amount by a whole number (runs, samples). */
export function timesUsd(amount: Usd, n: number): Usd {
  return amount * BigInt(Math.max(0, Math.round(n)));
}

/** The amount as a decimal string rounded half-up to `decimals` places (`0.004500`). */
export function formatUsd(amount: Usd, decimals = 6): string {
  const places = Math.min(Math.max(0, Math.floor(decimals)), SCALE_DIGITS);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const unit = 10n ** BigInt(SCALE_DIGITS - places);
  const rounded = divRound(abs, unit);
  const factor = 10n ** BigInt(places);
  const whole = rounded / factor;
  const frac = (rounded % factor).toString().padStart(places, '0');
  return `${negative ? '-' : ''}${whole}${places ? `.${frac}` : ''}`;
}

/** The amount as a JavaScript number (for JSON), rounded to 12 decimals so it prints cleanly. */
export function usdToNumber(amount: Usd): number {
  return Number(formatUsd(amount, 12));
}

/** `$0.0045` — the shortest form with at least `minDecimals` and at most 6 significant decimals. */
export function displayUsd(amount: Usd, minDecimals = 2): string {
  let text = formatUsd(amount, 6);
  // Trim trailing zeros down to minDecimals.
  const [whole, frac = ''] = text.split('.');
  let trimmed = frac.replace(/0+$/, '');
  if (trimmed.length < minDecimals) trimmed = trimmed.padEnd(minDecimals, '0');
  text = trimmed.length ? `${whole}.${trimmed}` : whole!;
  if (amount > 0n && /^-?0(\.0*)?$/.test(text)) return `<$0.000001`;
  return `$${text}`;
}

/** Compare two amounts: negative, zero or positive. */
export function compareUsd(a: Usd, b: Usd): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
