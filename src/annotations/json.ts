/** A number as the string CCE expects inside JSON annotations (`"5"`), or undefined. */
export function numberString(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}
