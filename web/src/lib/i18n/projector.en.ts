import type { projectorDe } from './projector.de.ts';

/** The projector texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const projectorEn: typeof projectorDe = {
  title: 'Projector view',
  joinHeading: 'Join in',
  join: 'Join: {{url}}',
  noTopics: 'No topics yet. Add yours on your phone.',
  newTopic: 'New topic: {{title}}',
  more_one: '+ {{count}} more',
  more_other: '+ {{count}} more',
  votesHidden: 'Hidden vote: the votes appear when the facilitator reveals them.',
  nothingDiscussing: 'The next topic follows in a moment.',
  thanks: 'Thank you for taking part!',
  summary_one: '{{count}} topic discussed',
  summary_other: '{{count}} topics discussed',
  nowSpeaking: 'Now speaking: {{name}}',
  openTensions: 'Open tensions',
  noMeeting: 'No meeting is running.',
  noTension: 'No tension is on the table right now.',
  outcome: 'Outcome',
  grantRevoked: 'This projector link is no longer valid. Ask the facilitator for a new one.',
};
