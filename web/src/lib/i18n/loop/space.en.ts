import type { Messages } from '../de.ts';

export const spaceEn: Messages['space'] = {
  loading: 'Loading the team space …',
  notFound: 'This team space does not exist (any more).',
};
