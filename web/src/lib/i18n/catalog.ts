import { accessibilityDe } from './accessibility.de.ts';
import { accessibilityEn } from './accessibility.en.ts';
import { de, type Messages } from './de.ts';
import { en } from './en.ts';
import { exportDe } from './export.de.ts';
import { exportEn } from './export.en.ts';
import type { Language } from './languages.ts';
import { startDe } from './start.de.ts';
import { startEn } from './start.en.ts';
import { settingsDe } from './settings.de.ts';
import { settingsEn } from './settings.en.ts';
import { shareDe } from './share.de.ts';
import { shareEn } from './share.en.ts';
import { backupDe } from './backup.de.ts';
import { backupEn } from './backup.en.ts';
import { facilitateDe } from './facilitate.de.ts';
import { facilitateEn } from './facilitate.en.ts';
import { projectorDe } from './projector.de.ts';
import { projectorEn } from './projector.en.ts';
import { summaryDe } from './summary.de.ts';
import { summaryEn } from './summary.en.ts';
import { hallDe } from './hall.de.ts';
import { hallEn } from './hall.en.ts';
import { loopCommonDe } from './loop/common.de.ts';
import { loopCommonEn } from './loop/common.en.ts';
import { governanceDe } from './loop/governance.de.ts';
import { governanceEn } from './loop/governance.en.ts';
import { meetingDe } from './loop/meeting.de.ts';
import { meetingEn } from './loop/meeting.en.ts';
import { minutesDe } from './loop/minutes.de.ts';
import { minutesEn } from './loop/minutes.en.ts';
import { privacyDe } from './privacy.de.ts';
import { privacyEn } from './privacy.en.ts';
import { spaceDe } from './loop/space.de.ts';
import { spaceEn } from './loop/space.en.ts';
import { registerDe } from './loop/register.de.ts';
import { registerEn } from './loop/register.en.ts';
import { seatsDe } from './seats.de.ts';
import { seatsEn } from './seats.en.ts';
import { signInDe } from './signIn.de.ts';
import { signInEn } from './signIn.en.ts';

/**
 * Every text of each language in one object, for checks and browser tests. The app never imports
 * this: it loads the parts separately (see `i18n.svelte.ts`), and a new part is added here too.
 */
export const catalogs: Record<Language, Messages> = {
  de: {
    ...de,
    accessibility: accessibilityDe,
    privacy: privacyDe,
    loop: loopCommonDe,
    space: spaceDe,
    register: registerDe,
    meeting: meetingDe,
    governance: governanceDe,
    minutes: minutesDe,
    export: exportDe,
    start: startDe,
    settings: settingsDe,
    share: shareDe,
    backup: backupDe,
    facilitate: facilitateDe,
    projector: projectorDe,
    summary: summaryDe,
    hall: hallDe,
    seats: seatsDe,
    signIn: signInDe,
  },
  en: {
    ...en,
    accessibility: accessibilityEn,
    privacy: privacyEn,
    loop: loopCommonEn,
    space: spaceEn,
    register: registerEn,
    meeting: meetingEn,
    governance: governanceEn,
    minutes: minutesEn,
    export: exportEn,
    start: startEn,
    settings: settingsEn,
    share: shareEn,
    backup: backupEn,
    facilitate: facilitateEn,
    projector: projectorEn,
    summary: summaryEn,
    hall: hallEn,
    seats: seatsEn,
    signIn: signInEn,
  },
};
