/** A non-empty environment variable, or undefined (a blank value counts as unset). */
export function envValue(name: string, env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}
