import { mayReadTension, type ParticipantId, type Tension } from '@runde/shared/client';
import { t } from '$lib/i18n/i18n.svelte';

/** The title to show: a personal tension this member may not read arrives without one (shared masking rule). */
export function tensionTitle(tension: Tension, you: ParticipantId): string {
  return mayReadTension(tension, you) ? tension.title : t('space.backlog.private');
}
