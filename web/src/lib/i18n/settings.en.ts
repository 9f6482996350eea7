import type { settingsDe } from './settings.de.ts';

/** The settings texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const settingsEn: typeof settingsDe = {
  heading: 'Settings',
  title: 'Session title',
  votingGroup: 'Voting',
  votesPerPerson: 'Votes per person',
  votesPerPersonHint: '2 or 3 are common.',
  allowStacking: 'Allow several votes on the same topic',
  hiddenVoting: 'Hidden voting',
  hiddenVotingHint: 'Tallies stay hidden until the facilitator reveals them, so nobody follows the crowd.',
  topicsGroup: 'Topics',
  anonymousTopics: 'Anonymous topics',
  anonymousTopicsHint: 'Only the person who proposed a topic sees that it is theirs.',
  anonymousLater: 'Applies to new topics. Topics already proposed stay as they are.',
  topicsPerPerson: 'At most this many topics per person',
  topicsPerPersonHint: 'Leave empty for no limit.',
  timeGroup: 'Timebox',
  timeboxMinutes: 'Minutes per topic',
  timeboxMinutesHint: '5 to 8 minutes are common.',
  extensionMinutes: 'Extensions in minutes',
  extensionMinutesHint:
    'After a thumbs up the facilitator extends by the next number in the list; the last one repeats. For example: 4, 2',
  votingLocked:
    'Votes per person, stacking and hidden voting can only change while topics are being collected and before anyone has voted. Otherwise votes already cast would count by different rules than new ones.',
  save: 'Save settings',
  saved: 'Settings saved.',
  invalid: {
    votesPerPerson: 'Please enter a whole number from 1 to {{max}}.',
    topicsPerPerson: 'Please enter a whole number from 1 to {{max}}, or leave the field empty.',
    timeboxMinutes: 'Please enter a whole number from 1 to {{max}}.',
    extensionMinutes: 'Please enter whole minutes from 1 to {{max}}, separated by commas, for example 4, 2.',
  },
};
