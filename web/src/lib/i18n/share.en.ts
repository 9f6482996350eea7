import type { shareDe } from './share.de.ts';

/** The share texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const shareEn: typeof shareDe = {
  codeLabel: 'Code',
  instructions: 'Enter the code at {{url}} or open this link:',
  linkLabel: 'Join link',
  copyLink: 'Copy link',
  copied: 'Copied.',
  copyFailed: 'Copying did not work. Please select and copy the link yourself.',
  facilitatorHeading: 'Your facilitator link',
  facilitatorNote: {
    'lean-coffee':
      'Keep this link private: whoever opens it facilitates this session. Use it to take over facilitation on another device. It is shown only now.',
    'team-space':
      'Keep this link private: whoever opens it facilitates this team space and its meetings. Use it to take over facilitation on another device. It is shown only now.',
    hall: 'Keep this link private: whoever opens it runs this event and all its tables. Use it to take over on another device. It is shown only now.',
  },
  facilitatorLinkLabel: 'Facilitator link',
  showFacilitatorLink: 'Show facilitator link',
  hideFacilitatorLink: 'Hide facilitator link',
  copyFacilitatorLink: 'Copy facilitator link',
  dismissFacilitator: 'Saved it, hide',
  qrLabel: 'QR code to join: {{url}}',
  fullScreen: 'Show full screen',
  scan: 'Scan the QR code with your phone',
  orEnter: 'or open {{url}} and enter this code:',
  close: 'Close',
  projectorLink: 'Projector view',
  projectorHint: 'Opens in a new tab: a view without controls for a projector or a large screen.',
  newTab: '(opens in a new tab)',
  projectorHeading: 'Projector in the room',
  projectorGrantHint:
    'A link of its own for the projector or the room PC: it shows only the projector view, needs no seat in the session and never counts as a person.',
  createProjectorLink: 'Create projector link',
  projectorLinkLabel: 'Projector link',
  copyProjectorLink: 'Copy projector link',
  reissueProjectorLink: 'Create a new projector link',
  reissueProjectorHint: 'A new projector link makes the previous one invalid; projector views opened with it close.',
  projectorGrantFailed: 'The projector link could not be created. Please try again.',
};
