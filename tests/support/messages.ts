import { catalogs } from '../../web/src/lib/i18n/catalog.ts';

/** The app's own texts, so a browser test can drive either language by the names people see. */
export const messages = catalogs;

export type TestLanguage = keyof typeof messages;

/** Fills `{{name}}` placeholders the way i18next does (without escaping, as the app renders them). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(vars[key] ?? whole));
}
