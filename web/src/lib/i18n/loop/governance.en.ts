import type { Messages } from '../de.ts';

export const governanceEn: Messages['governance'] = {
  heading: 'Governance',
};
