import type { signInDe } from './signIn.de.ts';

/** The sign-in texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const signInEn: typeof signInDe = {
  intro: 'Here you sign in with your account. Runde takes your name from your sign-in.',
  with: 'Sign in with {{label}}',
  continueAs: 'Continue as {{name}}',
  again: 'Please sign in to carry on.',
  notConfigured: 'Sign-in is not set up on this server. Please ask the facilitator.',
  pageTitle: 'Runde – sign in',
  heading: 'Sign in',
  taking: 'Signing you in …',
  notSignedIn: 'You are not signed in (any more). Please sign in again.',
  errors: {
    state: 'This sign-in has expired or was already used. Please sign in again.',
    provider: 'The sign-in service did not confirm your sign-in. Please sign in again.',
    denied: 'The sign-in was cancelled or refused.',
    unavailable: 'The sign-in service cannot be reached right now. Please try again later.',
    other: 'Signing in did not work. Please sign in again.',
  },
  nameTaken: 'Someone here is already called “{{name}}”. Which name should the others see? For example “{{example}}”.',
  nameMissing: 'Your sign-in gives no name. Which name should the others see?',
  nameLabel: 'Your name here',
  continue: 'Continue',
  backToJoin: 'Back',
  signedInAs: 'Signed in as {{name}}',
  signOut: 'Sign out',
  signingOut: 'Signing out …',
  settingsHeading: 'Sign-in',
  require: 'Require sign-in',
  requireHint:
    'Only people who sign in with {{label}} get in. Every member is bound to their sign-in, the same member on every device.',
  group: 'Group that facilitates (optional)',
  groupHint:
    'Members of this group facilitate, everyone else does not; checked at every sign-in. Leave empty: facilitation stays as it is.',
  signInFirst: 'To require sign-in, sign in yourself first: that way you cannot lock yourself out.',
  save: 'Save sign-in settings',
  saved: 'Saved.',
};
