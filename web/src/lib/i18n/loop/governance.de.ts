/** German texts of the governance screens. German is the source; see `../de.ts`. */
export const governanceDe = {
  heading: 'Governance',
};
