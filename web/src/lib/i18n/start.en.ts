import type { startDe } from './start.de.ts';

/** The start texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const startEn: typeof startDe = {
  pageTitle: 'Runde – start a Lean Coffee or a team space',
  heading: 'Talk about what matters to everyone',
  intro:
    'A Lean Coffee for a meeting without a prepared agenda, or a team space for regular meetings following the LOOP Approach – in both, everyone brings what matters to them.',
  formHeading: 'What would you like to start?',
  kindLeanCoffee: 'Lean Coffee',
  kindLeanCoffeeHint:
    'A session without a prepared agenda: collect topics, vote, discuss the most important ones first.',
  kindTeamSpace: 'Team space (LOOP meetings)',
  kindTeamSpaceHint:
    'A lasting space for your team: bring tensions, work on them in the four rooms and keep a decision log.',
  howHeading: 'How a Lean Coffee works',
  spaceHowHeading: 'How a team space works',
  spaceSteps: {
    bring: 'Bring tensions',
    sort: 'Sort them into rooms',
    meet: 'Hold meetings',
    record: 'Keep track',
  },
  spaceStepsHelp: {
    bring: 'Everyone brings, at any time, what gets in the way or could work better – anonymously if they like.',
    sort: 'Each tension goes into one of the four rooms: operational, governance, individual or relationship.',
    meet: 'In the sync meeting the facilitator asks: “What do you need?” In the governance meeting the team decides integratively.',
    record: 'Actions, projects and decisions stay in the team space – from one meeting to the next.',
  },
  sessionTitle: 'Session title',
  sessionTitlePlaceholder: 'e.g. Social planning team meeting',
  spaceTitle: 'Name of the team space',
  spaceTitlePlaceholder: 'e.g. Youth welfare planning team',
  yourName: 'Your name',
  yourNameHint: 'You facilitate the session. Participants see this name.',
  spaceNameHint: 'You facilitate the team space and can make others co-facilitators later.',
  options: 'Settings',
  submit: 'Start a Lean Coffee',
  submitting: 'Starting …',
  spaceSubmit: 'Open team space',
  spaceSubmitting: 'Opening …',
  haveCode: 'Did you get a code?',
  joinLink: 'Join a session',
};
