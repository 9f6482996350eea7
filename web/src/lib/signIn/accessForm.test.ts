import { describe, expect, it } from 'vitest';
import { accessForm, accessFormChanged, accessFormInput } from './accessForm.ts';

describe('accessForm', () => {
  it('reads a session open to the link and one that requires sign-in with a group', () => {
    expect(accessForm(undefined)).toEqual({ signIn: false, facilitatorGroup: '' });
    expect(accessForm({ signIn: 'required', facilitatorGroup: 'runde-moderation' })).toEqual({
      signIn: true,
      facilitatorGroup: 'runde-moderation',
    });
  });

  it.each([
    [
      { signIn: true, facilitatorGroup: '  runde-moderation ' },
      { signIn: true, facilitatorGroup: 'runde-moderation' },
    ],
    [
      { signIn: true, facilitatorGroup: '   ' },
      { signIn: true, facilitatorGroup: null },
    ],
    // A group left in the field while sign-in is switched off is not sent: the server refuses that pair.
    [
      { signIn: false, facilitatorGroup: 'runde-moderation' },
      { signIn: false, facilitatorGroup: null },
    ],
  ])('sends %o as %o', (form, input) => {
    expect(accessFormInput(form)).toEqual(input);
  });

  it('sees a change only in what would be sent', () => {
    const base = accessForm({ signIn: 'required', facilitatorGroup: 'a' });
    expect(accessFormChanged({ signIn: true, facilitatorGroup: ' a ' }, base)).toBe(false);
    expect(accessFormChanged({ signIn: true, facilitatorGroup: 'b' }, base)).toBe(true);
    expect(accessFormChanged({ signIn: false, facilitatorGroup: 'a' }, base)).toBe(true);
  });
});
