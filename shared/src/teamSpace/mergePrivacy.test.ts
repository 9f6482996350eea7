import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../protocol/errors.ts';
import { mergeRevealsToActor } from './mergePrivacy.ts';
import { mayMergeMembers } from './permissions.ts';
import type { RoomKey } from './state.ts';
import { teamSpace } from './testing/fixtures.ts';
import { loopViewFor } from './view.ts';

/*
 * A merge never shows the acting facilitator what their copy masks. Fixture: facilitator `p1`
 * (Fee, opened the space), `p2` Ana, `p3` Ben, `p4` Cem; `p3` facilitates too where a row needs
 * an actor who is not the creator.
 */

type Setup = (s: ReturnType<typeof teamSpace>) => void;
const tension =
  (author: string, room: RoomKey, anonymous = false): Setup =>
  (s) => {
    s.addTension(author, `${author}-${room}`, room, anonymous);
  };
const nothing: Setup = () => undefined;

describe('space:merge-members and personal-room content', () => {
  it.each<[string, Setup, string, string, string, boolean]>([
    ['another member’s personal tension into the actor’s seat', tension('p2', 'individual'), 'p1', 'p2', 'p1', false],
    ['their relationship tension too', tension('p2', 'relationship'), 'p1', 'p2', 'p1', false],
    ['the actor’s seat into one with a personal tension', tension('p2', 'individual'), 'p3', 'p3', 'p2', false],
    [
      'a seat that wrote an anonymous tension into the actor’s',
      tension('p2', 'operational', true),
      'p1',
      'p2',
      'p1',
      false,
    ],
    // Whose it is must not show, not even as a refusal: any anonymous tension not the actor’s refuses.
    ['a seat beside someone else’s anonymous tension', tension('p4', 'operational', true), 'p1', 'p2', 'p1', false],
    ['a seat whose tensions everyone reads', tension('p2', 'operational'), 'p1', 'p2', 'p1', true],
    [
      'with the actor’s own anonymous and personal tensions',
      (s) => {
        tension('p1', 'individual', true)(s);
        tension('p1', 'relationship')(s);
      },
      'p1',
      'p2',
      'p1',
      true,
    ],
    ['a seat with nothing personal', nothing, 'p1', 'p2', 'p1', true],
    [
      'two seats the actor does not hold, one with a personal tension',
      tension('p4', 'individual'),
      'p1',
      'p4',
      'p2',
      true,
    ],
  ])('%s', (_, setup, actor, from, into, allowed) => {
    const s = teamSpace();
    s.run('p1', { type: 'participant:set-role', participantId: 'p3', role: 'facilitator' });
    setup(s);
    // Asked before the command, which applies the merge where it is accepted.
    expect(mayMergeMembers(s.state, actor, from, into)).toBe(allowed);
    // The web asks its own masked copy and gets the same answer.
    expect(mayMergeMembers(loopViewFor(s.state, { participantId: actor }), actor, from, into)).toBe(allowed);
    const result = s.try(actor, { type: 'space:merge-members', from, into });
    expect(result.ok ? 'accepted' : result.error.code).toBe(allowed ? 'accepted' : ErrorCode.forbidden);
    if (!result.ok) expect(result.error.message).toMatch(/personal-room content or anonymous authorship/);
  });

  it('allows a personal tension the actor read in its meeting, and refuses one read without them', () => {
    const s = teamSpace();
    const read = s.addTension('p2', 'Gelesen', 'individual');
    s.meetingAtTensions('individual');
    s.run('p1', { type: 'tension:start', tensionId: read });
    s.run('p1', { type: 'tension:close', gotWhatNeeded: null });
    s.run('p1', { type: 'meeting:end' });
    expect(mayMergeMembers(s.state, 'p1', 'p2', 'p1')).toBe(true);
    // A record of a private tension Ana was present for and Fee was not: only the record is left.
    const record = s.state.meetings[0];
    if (!record) throw new Error('expected a record');
    const state = {
      ...s.state,
      tensions: [],
      meetings: [{ ...record, processed: record.processed.map((p) => ({ ...p, readers: ['p2'] })) }],
    };
    expect(mergeRevealsToActor(state, 'p1', 'p2', 'p1')).toBe(true);
    expect(mergeRevealsToActor(state, 'p1', 'p3', 'p1')).toBe(false);
  });

  it('moves nothing it refused: the state is unchanged and Ana’s tension stays hers', () => {
    const s = teamSpace();
    const id = s.addTension('p2', 'Privat', 'individual');
    const before = s.state;
    expect(s.try('p1', { type: 'space:merge-members', from: 'p2', into: 'p1' }).ok).toBe(false);
    expect(s.state).toBe(before);
    expect(loopViewFor(s.state, { participantId: 'p1' }).tensions.find((t) => t.id === id)?.title).toBe('');
  });
});
