/** German texts of the team-space screens. German is the source; see `../de.ts`. */
export const spaceDe = {
  loading: 'Teamraum wird geladen …',
  notFound: 'Diesen Teamraum gibt es nicht (mehr).',
};
