/**
 * Why a retaken screenshot differs from its committed version (see docs/screenshots/README.md).
 * Written by whoever last looked at the pictures; the comparison prints it beside each number.
 */
const CODE = 'join code and QR are new in every session';
const TIMER = 'timers are paused at their full time (committed: running, a second in)';
const COUNTS = 'character counts under bounded fields (ef3a6c7, 71c3da0)';
const DURATION = "'Dauer' counts the seconds since the discussion started";

export const reasons: Readonly<Record<string, string>> = {
  'projector-start.png': 'start page gained the choice Lean Coffee / Teamraum (54b2ef2) and a character count',
  'phone-join.png': 'footer links Barrierefreiheit / Datenschutz added (0659cb6, 8e636d9)',
  'projector-collect.png': `${CODE}; ${COUNTS}; invite panel shows a QR code; the writing timer is paused`,
  'phone-collect.png': `${TIMER}; ${COUNTS}`,
  'phone-vote.png': "wording '3 von 3 Punkten vergeben' (71c3da0); scroll position",
  'projector-vote.png': `${CODE} in the invite panel; other layout changes not traced`,
  'phone-discuss.png': `${TIMER}; ${DURATION}`,
  'projector-discuss.png': `${TIMER}; ${DURATION}; facilitator timer controls changed`,
  'phone-thumbs.png': 'thumbs are full-width rows on a phone (9b222b6, 8a69b75)',
  'phone-thumbs-dark-en.png': 'thumbs are full-width rows on a phone (9b222b6, 8a69b75)',
  'projector-discuss-en.png': `${TIMER}; ${DURATION}`,
  'phone-outcomes.png': 'scroll position; the action row wraps differently',
  'phone-wrapup.png': 'nearly identical (a few pixels, not traced)',
  'projector-wrapup.png': `${CODE} in the invite panel; ROTI shown beside the closing round`,
  'phone-ended.png': 'the date printed is the day of the run',
  'projector-ended.png': `the date printed is the day of the run; ${DURATION}`,
  'print-summary.png': `the date printed is the day of the run; ${DURATION}`,
  'projector-lc-collect.png': CODE,
  'share-fullscreen.png': CODE,
  'phone-share-fullscreen.png': CODE,
  'projector-lc-vote.png': CODE,
  'projector-lc-discuss.png': `${CODE}; ${TIMER}`,
  'projector-lc-discuss-1280x720.png': `${CODE}; ${TIMER}`,
  'projector-lc-wrapup.png': `${CODE}; the projector shows the ROTI line (185f3d9)`,
  'loop-phone-space.png': 'space home layout changed since 23 Nov (not traced)',
  'projector-loop-home.png': CODE,
  'projector-loop-checkin.png': CODE,
  'loop-phone-sync.png': TIMER,
  'loop-laptop-sync.png': `${TIMER}; scroll position`,
  'projector-loop-sync.png': `${CODE}; ${TIMER}`,
  'loop-laptop-objection.png': 'scroll position (the hand-taken one is scrolled differently)',
  'projector-loop-governance.png': CODE,
  'projector-loop-governance-1280x720.png': CODE,
  'loop-phone-adopted.png': 'scroll position; the tension list has a second governance tension',
  'loop-laptop-minutes.png': 'meeting times are the times of the run',
  'projector-loop-relationship-de.png': `${CODE}; who speaks first is the round's order`,
  'loop-phone-register.png': 'the history prints the day of the run',
  'loop-phone-proposal.png': 'the objection window ends seven days after the minute of the run',
  'loop-laptop-rhythm.png': 'the next dates follow the day of the run',
};
