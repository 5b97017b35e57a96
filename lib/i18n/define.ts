/**
 * Declares one namespace of strings. The Japanese table must have exactly the
 * English keys: a missing key is a type error, and so is an extra one (the
 * object literal's excess-property check), so neither language can drift.
 *
 * Values may hold `{name}` placeholders, filled by t(key, { name }).
 */
export type Strings = Record<string, string>;

export function defineNamespace<const E extends Strings>(en: E, ja: { [K in keyof E]: string }): { en: E; ja: { [K in keyof E]: string } } {
  return { en, ja };
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible so it is noticed. */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
