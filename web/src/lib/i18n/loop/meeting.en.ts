import type { Messages } from '../de.ts';

export const meetingEn: Messages['meeting'] = {
  heading: 'Meeting',
};
