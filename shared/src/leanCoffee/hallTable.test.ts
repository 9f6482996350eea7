import { describe, expect, it } from 'vitest';
import { decideCommand, foldStoredSession, kinds } from '../kinds.ts';
import { leanCoffeeExportFor, leanCoffeeFromExport, parseLeanCoffeeExport } from '../export/leanCoffeeExport.ts';
import { teamSpace } from '../teamSpace/testing/fixtures.ts';
import { ErrorCode } from '../protocol/errors.ts';
import { mayAskHallForHelp, mayChangePhase, mayHighlightTakeaway } from './permissions.ts';
import { hallLink, session, table } from './testing/fixtures.ts';
import type { DomainEvent } from './events.ts';
import type { SessionState } from './state.ts';

const codeOf = (result: { ok: true } | { ok: false; error: { code: string } }) =>
  result.ok ? 'ok' : result.error.code;
const types = (events: readonly DomainEvent[]) => events.map((e) => e.type);

describe('a Lean Coffee that is no table', () => {
  it('has no hall and no highlighted takeaway', () => {
    const s = session();
    expect(s.state.hall).toBeNull();
    expect(s.state.highlightId).toBeNull();
    expect(s.log[0]).not.toHaveProperty('hall');
  });

  it.each([
    { command: { type: 'hall:help', on: true } as const, actor: 'p2' },
    { command: { type: 'hall:relay', link: hallLink('vote') } as const, actor: 'system' },
  ])('refuses $command.type', ({ command, actor }) => {
    const s = session();
    expect(codeOf(s.try(actor, command))).toBe(ErrorCode.invalidState);
  });

  it('lets its facilitator change the phase', () => {
    const s = session();
    expect(mayChangePhase(s.state, 'p1')).toBe(true);
    expect(codeOf(s.try('p1', { type: 'phase:change', to: 'vote' }))).toBe('ok');
  });
});

describe('a table of a hall', () => {
  it('opens with its hall link', () => {
    expect(table().state.hall).toEqual(hallLink());
  });

  it('refuses a phase change by its facilitator, as the shared predicate says', () => {
    const s = table();
    expect(mayChangePhase(s.state, 'p1')).toBe(false);
    expect(codeOf(s.try('p1', { type: 'phase:change', to: 'vote' }))).toBe(ErrorCode.forbidden);
    expect(s.state.phase).toBe('collect');
  });

  it.each([
    { hall: 'seating', table: 'collect' },
    { hall: 'collect', table: 'collect' },
    { hall: 'vote', table: 'vote' },
    { hall: 'discuss', table: 'discuss' },
    { hall: 'harvest', table: 'wrapup' },
    { hall: 'ended', table: 'ended' },
  ] as const)('follows the hall into $hall as $table', ({ hall, table: phase }) => {
    const s = table();
    const events = s.relay(hall);
    expect(s.state.phase).toBe(phase);
    expect(s.state.hall?.phase).toBe(hall);
    expect(types(events).includes('phase:changed')).toBe(phase !== 'collect');
  });

  it('changes nothing when the hall relays what the table already shows', () => {
    const s = table();
    expect(s.relay('collect')).toEqual([]);
  });

  it('relays news without a phase change', () => {
    const s = table();
    const announcement = { id: 'a1', text: 'Kaffee ist da', at: 5 };
    expect(s.relay('collect', { announcement })).toEqual([
      { type: 'hall:relayed', link: hallLink('collect', { announcement }) },
    ]);
    expect(s.state.hall?.announcement).toEqual(announcement);
  });

  it('enters a phase as a facilitator’s move does: hidden tallies revealed, the discussion and its timer ended', () => {
    const s = table({ hiddenVoting: true });
    const topic = s.addTopic('p2', 'Drucker');
    s.relay('vote');
    s.run('p2', { type: 'vote:cast', topicId: topic });
    expect(types(s.relay('discuss'))).toEqual(['hall:relayed', 'votes:revealed', 'phase:changed']);
    s.run('p1', { type: 'discussion:start' });
    s.run('p1', { type: 'thumbs:open' });
    expect(s.state.timer.status).toBe('running');
    expect(types(s.relay('harvest'))).toEqual([
      'hall:relayed',
      'thumbs:closed',
      'topic:status-changed',
      'timer:set',
      'phase:changed',
    ]);
    expect(s.state.topics[0]?.status).toBe('discussed');
    expect(s.state.timer).toEqual({ status: 'idle' });
  });

  it('jumps several phases at once, forward and back', () => {
    const s = table();
    s.relay('discuss');
    expect(s.state.phase).toBe('discuss');
    s.relay('collect');
    expect(s.state.phase).toBe('collect');
  });

  it('stays ended, but still shows the hall’s news', () => {
    const s = table();
    s.relay('ended');
    expect(types(s.relay('harvest', { closed: true }))).toEqual(['hall:relayed']);
    expect(s.state.phase).toBe('ended');
    expect(s.state.hall?.closed).toBe(true);
  });

  it('refuses a relay from another hall, and from a participant', () => {
    const s = table();
    const other = { ...hallLink('vote'), hallId: 'OTHER2' };
    expect(codeOf(s.try('system', { type: 'hall:relay', link: other }))).toBe(ErrorCode.forbidden);
    expect(codeOf(s.try('p1', { type: 'hall:relay', link: hallLink('vote') }))).toBe(ErrorCode.forbidden);
  });

  it('keeps its own help request when the hall relays', () => {
    const s = table();
    s.run('p2', { type: 'hall:help', on: true });
    const since = s.state.hall?.helpSince;
    expect(since).toEqual(expect.any(Number));
    s.relay('vote', { helpSince: null });
    expect(s.state.hall?.helpSince).toBe(since);
  });
});

describe('asking the hall for help', () => {
  it('is for anyone seated at a table, and asking twice keeps the first time', () => {
    const s = table();
    expect(mayAskHallForHelp(s.state, 'p3')).toBe(true);
    expect(mayAskHallForHelp(s.state, 'stranger')).toBe(false);
    const [asked] = s.run('p3', { type: 'hall:help', on: true });
    expect(asked).toEqual({ type: 'hall:help-changed', since: s.ctx.now });
    expect(s.run('p2', { type: 'hall:help', on: true })).toEqual([]);
    expect(s.state.hall?.helpSince).toBe(s.ctx.now - 1000);
    expect(s.run('p2', { type: 'hall:help', on: false })).toEqual([{ type: 'hall:help-changed', since: null }]);
    expect(s.state.hall?.helpSince).toBeNull();
    expect(codeOf(s.try('stranger', { type: 'hall:help', on: true }))).toBe(ErrorCode.unauthorized);
  });
});

/** A session in discussion with Ana's takeaway and action on the first topic. */
function withNotes(
  s: ReturnType<typeof session>,
  toPhase: (phase: 'vote' | 'discuss') => unknown = (phase) => s.toPhase(phase),
) {
  const topic = s.addTopic('p2', 'Drucker');
  toPhase('vote');
  toPhase('discuss');
  s.run('p1', { type: 'discussion:start' });
  const note = (kind: 'takeaway' | 'action') => {
    const [added] = s.run('p2', {
      type: 'outcome:add',
      topicId: topic,
      kind,
      text: kind,
      ownerId: null,
      ownerName: null,
      due: null,
    });
    if (added?.type !== 'outcome:added') throw new Error('expected outcome:added');
    return added.outcome.id;
  };
  return { takeaway: note('takeaway'), action: note('action') };
}

describe('highlighting a takeaway', () => {
  it('is the facilitator’s, as the shared predicate says', () => {
    const s = session();
    const { takeaway } = withNotes(s);
    expect(mayHighlightTakeaway(s.state, 'p2')).toBe(false);
    expect(codeOf(s.try('p2', { type: 'takeaway:highlight', outcomeId: takeaway }))).toBe(ErrorCode.forbidden);
    expect(mayHighlightTakeaway(s.state, 'p1')).toBe(true);
    expect(s.run('p1', { type: 'takeaway:highlight', outcomeId: takeaway })).toEqual([
      { type: 'takeaway:highlighted', outcomeId: takeaway },
    ]);
    expect(s.state.highlightId).toBe(takeaway);
    expect(s.run('p1', { type: 'takeaway:highlight', outcomeId: takeaway })).toEqual([]);
    s.run('p1', { type: 'takeaway:highlight', outcomeId: null });
    expect(s.state.highlightId).toBeNull();
  });

  it('takes only a takeaway that exists', () => {
    const s = session();
    const { action } = withNotes(s);
    expect(codeOf(s.try('p1', { type: 'takeaway:highlight', outcomeId: action }))).toBe(ErrorCode.invalidState);
    expect(codeOf(s.try('p1', { type: 'takeaway:highlight', outcomeId: 'nope' }))).toBe(ErrorCode.notFound);
  });

  it('goes when its takeaway is removed', () => {
    const s = session();
    const { takeaway } = withNotes(s);
    s.run('p1', { type: 'takeaway:highlight', outcomeId: takeaway });
    s.run('p1', { type: 'outcome:remove', outcomeId: takeaway });
    expect(s.state.highlightId).toBeNull();
  });
});

describe('joining a table', () => {
  const join = (name: string) => ({ type: 'participant:join', name, role: 'participant', hostIfFirst: true }) as const;

  it('makes the first phone its host, and the next ones participants', () => {
    const s = session(); // Ana and Ben joined as participants; only the first seat facilitates.
    const [first] = s.run('system', join('Cem'));
    const [second] = s.run('system', join('Dana'));
    expect(first?.type === 'participant:joined' && first.participant.role).toBe('facilitator');
    expect(second?.type === 'participant:joined' && second.participant.role).toBe('participant');
  });

  it('joins without hostIfFirst as the command says', () => {
    const s = session();
    const [joined] = s.run('system', { type: 'participant:join', name: 'Cem', role: 'participant' });
    expect(joined?.type === 'participant:joined' && joined.participant.role).toBe('participant');
  });
});

describe('the registry', () => {
  it('refuses a relay to a team space', () => {
    const ctx = { actor: { kind: 'system' }, now: 1, newId: () => 'x' } as const;
    expect(codeOf(decideCommand(teamSpace().state, { type: 'hall:relay', link: hallLink() }, ctx))).toBe(
      ErrorCode.invalidState,
    );
  });

  it('upgrades a snapshot stored before halls to a session that is no table', () => {
    const s = session();
    const { hall: _hall, highlightId: _highlight, ...old } = s.state;
    const upgraded = foldStoredSession(old as SessionState, []);
    expect(upgraded).toEqual(s.state);
    expect(kinds['lean-coffee'].upgradeStoredState(s.state)).toBe(s.state);
  });

  it('passes the hall events to every viewer unchanged', () => {
    const events: DomainEvent[] = [
      { type: 'hall:relayed', link: hallLink('vote') },
      { type: 'hall:help-changed', since: 3 },
      { type: 'takeaway:highlighted', outcomeId: 'o1' },
    ];
    for (const event of events) expect(kinds['lean-coffee'].eventFor(event, { participantId: 'p2' })).toBe(event);
    const s = table();
    expect(kinds['lean-coffee'].viewFor(s.state, { participantId: 'p3' }).hall).toEqual(s.state.hall);
  });

  it('backs a table up as an ordinary Lean Coffee, which restores as no table', () => {
    const s = table();
    const { takeaway } = withNotes(s, (phase) => s.relay(phase));
    s.run('p1', { type: 'takeaway:highlight', outcomeId: takeaway });
    const file = leanCoffeeExportFor(s.state, 'p1', s.ctx.now);
    expect(JSON.stringify(file)).not.toContain('HALL23');
    const parsed = parseLeanCoffeeExport(JSON.parse(JSON.stringify(file)), s.ctx.now);
    if (!parsed.ok) throw new Error('the backup was refused');
    const restored = leanCoffeeFromExport(parsed.value, 'NEW234').state;
    expect(restored.hall).toBeNull();
    expect(restored.highlightId).toBeNull();
    expect(restored.outcomes).toEqual(s.state.outcomes);
  });
});
