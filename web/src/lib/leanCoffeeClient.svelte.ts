import {
  canAddTopic,
  canEditTopic,
  canMoveAgenda,
  canRemoveTopic,
  canRetractVote,
  canVote,
  discussedTopics,
  discussingTopic,
  isFacilitator,
  thumbsTally,
  toDiscuss,
  votesLeft,
  type CommandType,
  type SessionState,
  type Thumb,
  type ThumbsTally,
  type Topic,
  type TopicId,
} from '@runde/shared/client';
import { leanCoffeeFold } from './leanCoffeeFold.ts';
import { LiveSession, type LiveSessionOptions } from './liveSession.svelte.ts';
import { queuedTopics, queuedVoteChanges, withQueuedVotes, type QueuedTopic } from './sync/leanCoffeeQueued.ts';

export type { ConnectionStatus, SessionProblem } from './liveSession.svelte.ts';
export type LeanCoffeeClientOptions = LiveSessionOptions;

/** One seat in a live Lean Coffee: the connection, plus what the board reads from the state. */
export class LeanCoffeeClient extends LiveSession<SessionState, CommandType> {
  /**
   * The state with this seat's queued votes counted: what it will be once they land. Votes left,
   * the dots on each card and whether + is possible follow the person's intent while offline.
   */
  readonly #intended: SessionState | null = $derived(
    this.state ? withQueuedVotes(this.state, this.you, this.queued) : null,
  );
  readonly isFacilitator = $derived(this.state ? isFacilitator(this.state, this.you) : false);
  readonly controlsTimer = $derived(this.isFacilitator);
  readonly votesLeft = $derived(this.#intended ? votesLeft(this.#intended, this.you) : 0);
  /** Dots on each topic, everyone's as far as this seat may see them (only its own while tallies are hidden). */
  readonly tallies: ReadonlyMap<TopicId, number> = $derived(this.#count(() => true));
  /** Dots this seat placed on each topic, the queued ones included. */
  readonly myVotes: ReadonlyMap<TopicId, number> = $derived(this.#count((voterId) => voterId === this.you));
  /** Per topic, the change to this seat's dots that has not reached the server yet. */
  readonly myQueuedVotes: ReadonlyMap<TopicId, number> = $derived(queuedVoteChanges(this.queued));
  /** Topics this seat proposed that wait to be sent. */
  readonly queuedTopics: QueuedTopic[] = $derived(queuedTopics(this.queued));
  /** All dots placed, also the hidden ones ("12 votes cast"). */
  readonly votesCast = $derived(this.state?.votes.length ?? 0);
  readonly votesHidden = $derived(this.state ? !this.state.votesRevealed : false);
  readonly canAddTopic = $derived(this.state ? canAddTopic(this.state, this.you) : false);
  /** The shared rule: never while hidden votes could show through the order. */
  readonly canMoveAgenda = $derived(this.state ? canMoveAgenda(this.state, this.you) : false);
  /** Topics this seat proposed (its own are never masked). */
  readonly myTopicCount = $derived(this.state?.topics.filter((t) => t.authorId === this.you).length ?? 0);
  /** The board's three columns. */
  readonly toDiscuss: Topic[] = $derived(this.state ? toDiscuss(this.state) : []);
  readonly discussing: Topic | undefined = $derived(this.state ? discussingTopic(this.state) : undefined);
  readonly discussed: Topic[] = $derived(this.state ? discussedTopics(this.state) : []);
  /** The open thumbs vote's count; the thumbs themselves stay masked until it is revealed. */
  readonly thumbs: ThumbsTally | undefined = $derived(
    this.state?.thumbs ? thumbsTally(this.state.thumbs.ballots) : undefined,
  );
  readonly myThumb: Thumb | null = $derived(
    this.state?.thumbs?.ballots.find((b) => b?.voterId === this.you)?.value ?? null,
  );

  constructor(options: LeanCoffeeClientOptions) {
    super('lean-coffee', leanCoffeeFold, options);
  }

  /** The shared rule, so buttons agree with what the server will accept. */
  canVote(topicId: TopicId): boolean {
    return this.#intended ? canVote(this.#intended, this.you, topicId) : false;
  }

  /** The shared rule for taking a dot back, counting the dots still queued like `canVote`. */
  canRetractVote(topicId: TopicId): boolean {
    return this.#intended ? canRetractVote(this.#intended, this.you, topicId) : false;
  }

  canEdit(topic: Topic): boolean {
    return this.state ? canEditTopic(this.state, this.you, topic) : false;
  }

  /** The shared rule: never under discussion, nor while its dots would tell a hidden tally. */
  canRemove(topic: Topic): boolean {
    return this.state ? canRemoveTopic(this.state, this.you, topic) : false;
  }

  #count(include: (voterId: string | null) => boolean): Map<TopicId, number> {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built afresh inside $derived, never mutated after
    const counts = new Map<TopicId, number>();
    for (const vote of this.#intended?.votes ?? []) {
      if (vote.topicId && include(vote.voterId)) counts.set(vote.topicId, (counts.get(vote.topicId) ?? 0) + 1);
    }
    return counts;
  }
}
