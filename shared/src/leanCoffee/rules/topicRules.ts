import { ErrorCode } from '../../protocol/errors.ts';
import { assertNever } from '../../core/assertNever.ts';
import { canEditTopic, findTopic, rankingHidden, topicCapReached, toDiscuss } from '../selectors.ts';
import type { SessionState } from '../state.ts';
import { accept, reject, requireFacilitator, type CommandOf, type DecideResult, type RuleContext } from './results.ts';

export type TopicRuleCommand = CommandOf<
  'topic:add' | 'topic:edit' | 'topic:remove' | 'topics:merge' | 'agenda:move' | 'agenda:reset'
>;

const votesHidden = (message: string) => reject(ErrorCode.invalidState, message);

export function decideTopic(state: SessionState, command: TopicRuleCommand, ctx: RuleContext): DecideResult {
  switch (command.type) {
    case 'topic:add':
      if (state.phase !== 'collect') return reject(ErrorCode.wrongPhase, 'Topics can be proposed while collecting.');
      switch (topicCapReached(state, ctx.actorId)) {
        case 'session':
          return reject(ErrorCode.sessionFull, 'This session has as many topics as it can hold.');
        case 'person':
          return reject(ErrorCode.topicLimitReached, 'You have proposed as many topics as this session allows.');
        case null:
          break;
      }
      return accept({
        type: 'topic:added',
        topic: {
          id: ctx.newId('topic'),
          title: command.title,
          description: command.description,
          authorId: ctx.actorId,
          anonymous: state.settings.anonymousTopics,
          createdAt: ctx.now,
          mergedTitles: [],
          status: 'open',
          discussingSince: null,
          spentMs: 0,
          endedAt: null,
          extensions: 0,
          thumbsHistory: [],
        },
      });

    case 'topic:edit':
    case 'topic:remove': {
      const topic = findTopic(state, command.topicId);
      if (!topic) return reject(ErrorCode.notFound, 'No such topic.');
      if (!canEditTopic(state, ctx.actorId, topic)) {
        return topic.authorId === ctx.actorId
          ? reject(ErrorCode.wrongPhase, 'Your topics can be changed while collecting.')
          : reject(ErrorCode.forbidden, 'Only the author or a facilitator may change this topic.');
      }
      if (command.type === 'topic:edit') {
        return accept({
          type: 'topic:edited',
          topicId: topic.id,
          title: command.title,
          description: command.description,
        });
      }
      if (topic.status === 'discussing') {
        return reject(ErrorCode.invalidState, 'Close or return the topic under discussion first.');
      }
      // The dots it would hand back would tell everyone its hidden tally (see `canRemoveTopic`).
      if (rankingHidden(state)) return votesHidden('Topics can be removed once the votes are revealed.');
      const returnedVotes = state.votes.filter((v) => v.topicId === topic.id);
      return accept({
        type: 'topic:removed',
        topicId: topic.id,
        returnedVotes,
        hidden: !state.votesRevealed,
      });
    }

    case 'topics:merge': {
      const denied = requireFacilitator(state, ctx.actorId);
      if (denied) return denied;
      const source = findTopic(state, command.sourceId);
      const target = findTopic(state, command.targetId);
      if (!source || !target) return reject(ErrorCode.notFound, 'No such topic.');
      if (source.id === target.id) return reject(ErrorCode.invalidState, 'A topic cannot be merged into itself.');
      if (source.status !== 'open' || target.status !== 'open') {
        return reject(ErrorCode.invalidState, 'Only topics still to be discussed can be merged.');
      }
      return accept({
        type: 'topics:merged',
        sourceId: source.id,
        targetId: target.id,
        mergedTitles: [...target.mergedTitles, source.title, ...source.mergedTitles],
      });
    }

    case 'agenda:move': {
      const denied = requireFacilitator(state, ctx.actorId);
      if (denied) return denied;
      // The order it would broadcast is the hidden ranking (see `canMoveAgenda`).
      if (rankingHidden(state)) return votesHidden('The agenda can be reordered once the votes are revealed.');
      const order = toDiscuss(state).map((t) => t.id);
      const index = order.indexOf(command.topicId);
      if (index === -1) return reject(ErrorCode.notFound, 'That topic is not waiting to be discussed.');
      const swapWith = command.direction === 'up' ? index - 1 : index + 1;
      const neighbour = order[swapWith];
      if (neighbour === undefined) return accept();
      order[swapWith] = command.topicId;
      order[index] = neighbour;
      return accept({ type: 'agenda:reordered', agenda: order });
    }

    case 'agenda:reset': {
      const denied = requireFacilitator(state, ctx.actorId);
      if (denied) return denied;
      return state.agenda ? accept({ type: 'agenda:reordered', agenda: null }) : accept();
    }

    default:
      return assertNever(command);
  }
}
