import { accessibilityDe } from '../../web/src/lib/i18n/accessibility.de.ts';
import { accessibilityEn } from '../../web/src/lib/i18n/accessibility.en.ts';
import { de } from '../../web/src/lib/i18n/de.ts';
import { en } from '../../web/src/lib/i18n/en.ts';
import { loopCommonDe } from '../../web/src/lib/i18n/loop/common.de.ts';
import { loopCommonEn } from '../../web/src/lib/i18n/loop/common.en.ts';
import { governanceDe } from '../../web/src/lib/i18n/loop/governance.de.ts';
import { governanceEn } from '../../web/src/lib/i18n/loop/governance.en.ts';
import { meetingDe } from '../../web/src/lib/i18n/loop/meeting.de.ts';
import { meetingEn } from '../../web/src/lib/i18n/loop/meeting.en.ts';
import { minutesDe } from '../../web/src/lib/i18n/loop/minutes.de.ts';
import { minutesEn } from '../../web/src/lib/i18n/loop/minutes.en.ts';
import { spaceDe } from '../../web/src/lib/i18n/loop/space.de.ts';
import { spaceEn } from '../../web/src/lib/i18n/loop/space.en.ts';

/**
 * The app's own texts, so a browser test can drive either language by the names people see. The
 * browser loads them in parts (see `i18n.svelte.ts`); here each language is one catalog.
 */
export const messages = {
  de: {
    ...de,
    accessibility: accessibilityDe,
    loop: loopCommonDe,
    space: spaceDe,
    meeting: meetingDe,
    governance: governanceDe,
    minutes: minutesDe,
  },
  en: {
    ...en,
    accessibility: accessibilityEn,
    loop: loopCommonEn,
    space: spaceEn,
    meeting: meetingEn,
    governance: governanceEn,
    minutes: minutesEn,
  },
} as const;

export type TestLanguage = keyof typeof messages;

/** Fills `{{name}}` placeholders the way i18next does (without escaping, as the app renders them). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => String(vars[key] ?? whole));
}
