import type { AccessSetInput, SessionAccess } from '@runde/shared/client';

/** As `accessSetSchema` bounds the group's name. */
export const facilitatorGroupMax = 200;

/** The sign-in settings as the form edits them: the group as typed, empty for none. */
export interface AccessForm {
  signIn: boolean;
  facilitatorGroup: string;
}

export function accessForm(access: SessionAccess | undefined): AccessForm {
  return { signIn: access?.signIn === 'required', facilitatorGroup: access?.facilitatorGroup ?? '' };
}

/** What `access:set` sends: no group without sign-in (the server refuses that pair), empty is none. */
export function accessFormInput(form: AccessForm): AccessSetInput {
  const group = form.facilitatorGroup.trim();
  return { signIn: form.signIn, facilitatorGroup: form.signIn && group !== '' ? group : null };
}

export function accessFormChanged(a: AccessForm, b: AccessForm): boolean {
  const [x, y] = [accessFormInput(a), accessFormInput(b)];
  return x.signIn !== y.signIn || x.facilitatorGroup !== y.facilitatorGroup;
}
