import type { seatsDe } from './seats.de.ts';

/** The seat-on-more-devices texts (English), loaded by the screens that show them (see `i18n.svelte.ts`). */
export const seatsEn: typeof seatsDe = {
  dialog: {
    heading: 'Use on another device',
    intro: 'A personal link brings your seat as {{name}} to another device, with everything you have contributed here.',
    close: 'Close',
  },
  mode: {
    legend: 'And this device?',
    copy: 'Copy: use it on both devices',
    copyHint: 'This device stays signed in.',
    move: 'Move: only on the other device',
    moveHint: 'Once the link is opened, this device loses the seat.',
    create: 'Create link',
  },
  link: {
    label: 'Personal link',
    qrLabel: 'QR code of the personal link',
    scan: 'Scan the code with the other device, or open the link there.',
    secret: 'Keep the link to yourself: whoever opens it takes part as you.',
    expires: 'Works once, until {{time}}.',
    expired: 'This link has expired. Create a new one.',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Copying did not work. The link is selected; please copy it by hand.',
    again: 'Create a new link',
  },
  devices: {
    heading: 'Your devices',
    loading: 'Loading devices …',
    unnamed: 'Unnamed device',
    current: 'this device',
    earlier: 'Earlier device',
    since: 'since {{date}}',
    remove: 'Remove',
    removeLabel: 'Remove: {{label}}, since {{date}}',
    removed: 'Device removed.',
    tooMany: 'This seat is on too many devices. Remove one first.',
  },
  reissue: {
    heading: 'New link for {{name}}',
    intro:
      'For a lost or new device: {{name}} opens this link on the new device and has their own seat there. You never see earlier links.',
    revokeOthers: 'Sign out the other devices of {{name}}',
    revokeOthersHint: 'Right for a lost phone: once the link is opened, the seat works only on the new device.',
    create: 'Issue link',
    give: 'Give this link to {{name}} only.',
  },
  page: {
    title: 'Runde – your seat on this device',
    heading: 'Your seat on this device',
    opening: 'Bringing your seat to this device …',
    missing: 'This link is incomplete. Please open the whole link or scan the QR code again.',
    invalid:
      'This device link is not valid or was already used. Create a new one on the other device with “Use on another device”.',
    joinInstead: 'Join as someone new instead',
    retry: 'Try again',
  },
  ended: {
    heading: 'Your seat is no longer on this device',
    moved: 'You moved your seat to another device. Carry on there.',
    revoked:
      'This device was signed out of your seat: from one of your other devices, or by a new link from the facilitator.',
    'signed-out': 'You signed out.',
    back: 'To bring your seat back here, open “Use on another device” on a device that still has it. Or join again.',
    joinAgain: 'Join again',
  },
};
