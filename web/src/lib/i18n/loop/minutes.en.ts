import type { Messages } from '../de.ts';

export const minutesEn: Messages['minutes'] = {
  pageTitle: 'Minutes and decision log',
  kicker: 'Minutes and decision log',
  back: 'Back to the team space',
  loading: 'Loading the minutes …',
  print: 'Print or save as PDF',
  running: 'A meeting is running right now. Its minutes appear here once it has ended.',
  meetings: {
    heading: 'Meetings',
    count_one: '{{count}} meeting',
    count_other: '{{count}} meetings',
    empty: 'No meeting has ended yet. The minutes of each meeting appear here once it has ended.',
    time: '{{date}}, {{start}}–{{end}}',
    facilitator: 'Facilitator: {{name}}',
    scribe: 'Scribe: {{name}}',
    nobody: 'nobody',
    show: 'Show minutes',
    hide: 'Hide minutes',
    download: 'Download minutes (Markdown)',
    done: 'done',
    open: 'open',
  },
  decisions: {
    heading: 'Decision log',
    count_one: '{{count}} decision',
    count_other: '{{count}} decisions',
    empty: 'No decisions yet. What a governance meeting adopts through integrative decision-making appears here.',
    adoptedOn: 'Adopted on {{date}}',
    present: 'Present: {{names}}',
    download: 'Download decision log (Markdown)',
  },
};
