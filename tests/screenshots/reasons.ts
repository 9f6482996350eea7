/**
 * Why a retaken screenshot differs from its committed version (see docs/screenshots/README.md).
 * Written by whoever last looked at the pictures; the comparison prints it beside each number.
 */
const CODE = 'join code and QR are new in every session';
const TIMER = 'timers are paused at their full time (committed: running, a second in)';
const COUNTS = 'character counts under bounded fields (ef3a6c7, 71c3da0)';
const DURATION = "'Dauer' counts the seconds since the discussion started";

export const reasons: Readonly<Record<string, string>> = {
  'projector-start.png': 'start page gained the kind choice (Lean Coffee / team space) since 23 Nov',
  'phone-join.png': 'same scene; join form wording and spacing changed since 23 Nov',
  'projector-collect.png': `${CODE}; ${COUNTS}; invite panel gained a QR code; collect timer not auto-started`,
  'phone-collect.png': `${TIMER}; ${COUNTS}`,
  'phone-vote.png': "wording '3 von 3 Punkten vergeben' (71c3da0); scroll position",
  'projector-vote.png': `${CODE} in the invite panel; board layout changed since 23 Nov`,
  'phone-discuss.png': `${TIMER}; ${DURATION}`,
  'projector-discuss.png': `${TIMER}; ${DURATION}; facilitator timer controls changed`,
  'phone-thumbs.png': 'thumbs are full-width rows on a phone (9b222b6, 8a69b75)',
  'phone-thumbs-dark-en.png': 'thumbs are full-width rows on a phone (9b222b6, 8a69b75)',
  'projector-discuss-en.png': `${TIMER}; ${DURATION}`,
  'phone-outcomes.png': 'scroll position; outcome list layout',
  'phone-wrapup.png': 'same scene; spacing of the closing round changed',
  'projector-wrapup.png': `${CODE} in the invite panel; ROTI shown beside the closing round`,
  'phone-ended.png': 'the date printed is the day of the run',
  'projector-ended.png': `the date printed is the day of the run; ${DURATION}`,
  'print-summary.png': `the date printed is the day of the run; ${DURATION}`,
  'projector-lc-collect.png': CODE,
  'share-fullscreen.png': `${CODE}; the code's size follows the width (8d23199)`,
  'phone-share-fullscreen.png': CODE,
  'projector-lc-vote.png': CODE,
  'projector-lc-discuss.png': `${CODE}; ${TIMER}`,
  'projector-lc-discuss-1280x720.png': `${CODE}; ${TIMER}`,
  'projector-lc-wrapup.png': `${CODE}; the projector shows the ROTI line (185f3d9)`,
  'loop-phone-space.png': 'same scene; layout of the space home changed since 23 Nov',
  'projector-loop-home.png': CODE,
  'projector-loop-checkin.png': CODE,
  'loop-phone-sync.png': TIMER,
  'loop-laptop-sync.png': `${TIMER}; scroll position`,
  'projector-loop-sync.png': `${CODE}; ${TIMER}`,
  'loop-laptop-objection.png': 'scroll position; objection round layout',
  'projector-loop-governance.png': CODE,
  'projector-loop-governance-1280x720.png': CODE,
  'loop-phone-adopted.png': 'scroll position',
  'loop-laptop-minutes.png': 'meeting times are the times of the run',
  'projector-loop-relationship-de.png': `${CODE}; who speaks first is the round's order`,
};
