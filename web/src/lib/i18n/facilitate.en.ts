import type { facilitateDe } from './facilitate.de.ts';

/** The facilitate texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const facilitateEn: typeof facilitateDe = {
  pageTitle: 'Runde – take over facilitation',
  heading: 'Take over facilitation',
  claiming: 'Moving facilitation to this device …',
  invalidKey: 'This facilitator link is not valid (any more). Please check that you copied all of it.',
  missingKey: 'This link is incomplete: the key is missing. Please open the whole facilitator link.',
  choice: {
    question: 'How would you like to take over facilitation?',
    why: 'This device already takes part as {{name}}.',
    ownSeat: 'Take over facilitation on this device as {{name}}',
    ownSeatHint: 'You keep your seat, your votes and what you wrote as {{name}}, and facilitate as well.',
    linkSeat: 'Open as a separate facilitator seat',
    linkSeatHint:
      'This device switches to the facilitator seat of {{linkName}}. Your seat as {{name}} stays in the session but is no longer open on this device.',
  },
};
