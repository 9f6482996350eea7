import { ErrorCode } from '../../protocol/errors.ts';
import { limits } from '../../protocol/limits.ts';
import { assertNever } from '../../core/assertNever.ts';
import type { DomainEvent } from '../events.ts';
import {
  discussingTopic,
  findTopic,
  nextExtensionMinutes,
  onlineParticipants,
  thumbsTally,
  toDiscuss,
} from '../selectors.ts';
import type { SessionState, ThumbsBallot } from '../state.ts';
import { endDiscussion } from './discussionEnd.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type DiscussionRuleCommand = CommandOf<
  | 'discussion:start'
  | 'discussion:extend'
  | 'discussion:close'
  | 'topic:skip'
  | 'topic:return'
  | 'thumbs:open'
  | 'thumbs:cast'
  | 'thumbs:reveal'
>;

const minute = 60_000;

export function decideDiscussion(state: SessionState, command: DiscussionRuleCommand, ctx: RuleContext): DecideResult {
  if (state.phase !== 'discuss') return reject(ErrorCode.wrongPhase, 'Topics are discussed in the discussion phase.');
  if (command.type === 'thumbs:cast') return castThumb(state, command.value, ctx);
  const denied = requireFacilitator(state, ctx.actorId);
  if (denied) return denied;
  const current = discussingTopic(state);

  switch (command.type) {
    case 'discussion:start': {
      const next = command.topicId ? findTopic(state, command.topicId) : toDiscuss(state)[0];
      if (!next)
        return reject(command.topicId ? ErrorCode.notFound : ErrorCode.invalidState, 'Nothing left to discuss.');
      if (next.status !== 'open') return reject(ErrorCode.invalidState, 'That topic is not waiting to be discussed.');
      const durationMs = state.settings.timeboxMinutes * minute;
      return accept(
        ...(current ? endDiscussion(state, current, 'discussed', ctx.now, 'closed') : []),
        {
          type: 'topic:status-changed',
          topicId: next.id,
          status: 'discussing',
          at: ctx.now,
        },
        {
          type: 'timer:set',
          timer: {
            status: 'running',
            durationMs,
            endsAt: ctx.now + durationMs,
          },
          change: 'start',
        },
      );
    }

    case 'discussion:extend': {
      if (!current) return reject(ErrorCode.invalidState, 'No topic is being discussed.');
      if (current.extensions >= limits.extensionsPerTopic) {
        return reject(ErrorCode.limitReached, 'This topic has been extended as often as one may.');
      }
      const durationMs = nextExtensionMinutes(state, current) * minute;
      const events: DomainEvent[] = [];
      if (state.thumbs) {
        const { up, side, down } = thumbsTally(state.thumbs.ballots);
        events.push({
          type: 'thumbs:closed',
          topicId: current.id,
          round: { up, side, down, outcome: 'extended', at: ctx.now },
        });
      }
      events.push(
        { type: 'topic:extended', topicId: current.id },
        {
          type: 'timer:set',
          timer: {
            status: 'running',
            durationMs,
            endsAt: ctx.now + durationMs,
          },
          change: 'extend',
        },
      );
      return accept(...events);
    }

    case 'discussion:close':
      if (!current) return reject(ErrorCode.invalidState, 'No topic is being discussed.');
      return accept(...endDiscussion(state, current, 'discussed', ctx.now, 'closed'));

    case 'topic:skip': {
      const topic = findTopic(state, command.topicId);
      if (!topic) return reject(ErrorCode.notFound, 'No such topic.');
      if (topic.status === 'discussing') return accept(...endDiscussion(state, topic, 'skipped', ctx.now, null));
      if (topic.status !== 'open') return reject(ErrorCode.invalidState, 'Only waiting topics can be skipped.');
      return accept({
        type: 'topic:status-changed',
        topicId: topic.id,
        status: 'skipped',
        at: ctx.now,
      });
    }

    case 'topic:return': {
      const topic = findTopic(state, command.topicId);
      if (!topic) return reject(ErrorCode.notFound, 'No such topic.');
      if (topic.status === 'open') return accept();
      if (topic.status === 'discussing') return accept(...endDiscussion(state, topic, 'open', ctx.now, null));
      return accept({
        type: 'topic:status-changed',
        topicId: topic.id,
        status: 'open',
        at: ctx.now,
      });
    }

    case 'thumbs:open':
      if (!current) return reject(ErrorCode.invalidState, 'No topic is being discussed.');
      if (state.thumbs) return accept();
      return accept({ type: 'thumbs:opened', topicId: current.id });

    case 'thumbs:reveal':
      if (!state.thumbs) return reject(ErrorCode.invalidState, 'No thumbs vote is open.');
      if (state.thumbs.revealed) return accept();
      return accept({ type: 'thumbs:revealed', ballots: state.thumbs.ballots });

    default:
      return assertNever(command);
  }
}

/**
 * One ballot per person, changeable while the vote is open. Once everyone present has voted,
 * the ballots are revealed together, so nobody is swayed by the first thumbs they see.
 */
function castThumb(state: SessionState, value: ThumbsBallot['value'], ctx: RuleContext): DecideResult {
  const thumbs = state.thumbs;
  if (!thumbs) return reject(ErrorCode.invalidState, 'No thumbs vote is open.');
  const existing = thumbs.ballots.findIndex((b) => b.voterId === ctx.actorId);
  const slot = existing === -1 ? thumbs.ballots.length : existing;
  const ballot: ThumbsBallot = { voterId: ctx.actorId, value };
  const events: DomainEvent[] = [{ type: 'thumbs:cast', slot, ballot, hidden: !thumbs.revealed }];
  if (!thumbs.revealed) {
    const ballots = thumbs.ballots.slice();
    ballots[slot] = ballot;
    const voters = new Set(ballots.map((b) => b.voterId));
    const everyonePresentVoted = onlineParticipants(state).every((p) => voters.has(p.id));
    if (everyonePresentVoted) events.push({ type: 'thumbs:revealed', ballots });
  }
  return accept(...events);
}
