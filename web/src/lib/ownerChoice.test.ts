import { describe, expect, it } from 'vitest';
import { OTHER_OWNER, owned, ownerDraft } from './ownerChoice';

describe('owner and due date while editing', () => {
  it('starts empty for a new item and sends nulls for it', () => {
    expect(ownerDraft()).toEqual({ owner: '', ownerName: '', due: '' });
    expect(owned(ownerDraft())).toEqual({ ownerId: null, ownerName: null, due: null });
  });

  it('keeps a participant as the owner, and the due date', () => {
    const item = { ownerId: 'p_ana', ownerName: null, due: '2026-12-01' };
    expect(ownerDraft(item)).toEqual({ owner: 'p_ana', ownerName: '', due: '2026-12-01' });
    expect(owned(ownerDraft(item))).toEqual(item);
  });

  it('keeps someone outside the session by name, trimmed', () => {
    const draft = ownerDraft({ ownerId: null, ownerName: 'Frau Weber', due: null });
    expect(draft.owner).toBe(OTHER_OWNER);
    expect(owned({ ...draft, ownerName: '  Frau Weber ' })).toEqual({
      ownerId: null,
      ownerName: 'Frau Weber',
      due: null,
    });
  });

  it('drops a typed name once a participant is chosen instead, and a blank name', () => {
    expect(owned({ owner: 'p_ben', ownerName: 'Frau Weber', due: '' }).ownerName).toBeNull();
    expect(owned({ owner: OTHER_OWNER, ownerName: '   ', due: '' })).toEqual({
      ownerId: null,
      ownerName: null,
      due: null,
    });
  });
});
