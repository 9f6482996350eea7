import type { spaceMergeDe } from './spaceMerge.de.ts';

/** English texts of merging two seats of one person in a team space (issue 18), under `space.merge`. */
export const spaceMergeEn: typeof spaceMergeDe = {
  open: 'Merge …',
  openLabel: 'Merge …: {{name}}',
  heading: 'Merge {{name}}',
  intro:
    'Does one person have two seats in this team space (say one from their phone and one from their laptop)? Choose the seat that stays.',
  into: 'Seat that stays',
  confirmHeading: 'What happens then',
  confirm:
    '{{from}} is merged into {{into}}. The tensions, actions, decisions, rounds and answers of {{from}} then belong to {{into}}; nothing is lost. {{from}} leaves the member list, and the devices of {{from}} use the seat of {{into}} from then on. This cannot be undone.',
  withheldHeading: 'Not offered',
  withheldWhy:
    'You hold one of these two seats. Merging them would show you personal-room tensions, what meetings recorded about them, or who wrote an anonymous tension: only the people they belong to may see that. A facilitator who holds neither seat can merge them.',
  submit: 'Merge',
  cancel: 'Cancel',
  done: '{{from}} is now merged into {{into}}.',
  merged: 'This seat was merged into {{name}}. This device now uses the seat of {{name}}.',
};
