/** Seven short English Lean Coffee topics: a projector's board full enough that its view must shrink at 1280×720. */
export const RETRO = [
  'Release process keeps slipping',
  'Onboarding buddies for new colleagues',
  'Coffee machine',
  'Meeting-free Fridays',
  'Shared calendar for holidays',
  'Data protection rules for the new tool',
  'Handover between youth services and schools',
] as const;
