import type { MeetingStage, Tension } from '@runde/shared/client';
import { t } from '$lib/i18n/i18n.svelte';

/** What a screen reader is told about a running meeting: its step and the tension on the table. */
export interface MeetingLook {
  stage: MeetingStage | undefined;
  tension: Pick<Tension, 'id' | 'title'> | undefined;
}

/**
 * The words for what moved since the last look, the step before the tension (one thing at a time),
 * or `undefined`. Nothing on the first look: the page says where the meeting is already.
 */
export function meetingAnnouncement(before: MeetingLook | undefined, now: MeetingLook): string | undefined {
  if (!before) return undefined;
  if (before.stage && now.stage && now.stage !== before.stage) {
    return t('meeting.stepper.announcement', { stage: t(`loop.stages.${now.stage}`) });
  }
  if (now.tension && now.tension.id !== (before.tension?.id ?? null)) {
    return t('meeting.tensions.announcement', { title: now.tension.title });
  }
  return undefined;
}
