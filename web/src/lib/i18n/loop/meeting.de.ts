/** German texts of the meeting screens. German is the source; see `../de.ts`. */
export const meetingDe = {
  heading: 'Meeting',
};
