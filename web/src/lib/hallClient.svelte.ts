import {
  mayHarvestUnvote,
  mayHarvestVote,
  mayOrganiseHall,
  REQUEST_TIMEOUT_MS,
  type Ack,
  type HallExport,
  type HallParticipantCommand,
  type HallState,
  type HallTableSummary,
} from '@runde/shared/client';
import { hallFold } from './hallFold.ts';
import { hallCards, harvestPicks, mergeSummaries, takeawayWall, type HallCard } from './hallOverview.ts';
import { LiveSession, type LiveSessionOptions } from './liveSession.svelte.ts';

type HallCommandType = HallParticipantCommand['type'];

/**
 * One seat in a live hall: an organiser's laptop, the hall projector (by its grant), or a phone in
 * the harvest. Organisers and the projector also get the server's per-table summaries
 * (`hall:overview`), never a table's full state; phones never receive them.
 */
export class HallClient extends LiveSession<HallState, HallCommandType> {
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole on each push ($state.raw), never mutated
  #summaries = $state.raw<ReadonlyMap<number, HallTableSummary>>(new Map());

  /** Organisers run the hall (role facilitator); seated phones are participants. */
  readonly isOrganiser = $derived(this.state ? mayOrganiseHall(this.state, this.you) : false);
  readonly controlsTimer = $derived(this.isOrganiser);
  /** Every table as a grid card, with its summary once one arrived; closed tables last. */
  readonly cards: HallCard[] = $derived(this.state ? hallCards(this.state.tables, this.#summaries) : []);
  readonly openTables = $derived(this.state?.tables.filter((table) => !table.closed).length ?? 0);
  /** Seated phones (organisers have no seat). */
  readonly seated = $derived(this.state?.seats.length ?? 0);
  /** The newest takeaways across tables, newest first. */
  readonly wall = $derived(takeawayWall(this.#summaries.values()));
  /** This seat's table (a phone's), if it has one. */
  readonly myTable = $derived(this.state?.seats.find((seat) => seat.participantId === this.you)?.table ?? null);
  readonly myDots = $derived(this.state?.harvestVotes.filter((vote) => vote.voterId === this.you).length ?? 0);
  readonly dotsLeft = $derived(this.state ? Math.max(0, this.state.harvestDots - this.myDots) : 0);
  /** The harvest in table order while people vote; ranked by dots once the hall has ended. */
  readonly picks = $derived(
    this.state ? harvestPicks(this.state.picks, this.state.harvestVotes, this.you, this.state.phase === 'ended') : [],
  );
  /** The harvest ranked by dots, for the organiser and the projector. */
  readonly rankedPicks = $derived(
    this.state ? harvestPicks(this.state.picks, this.state.harvestVotes, this.you, true) : [],
  );

  constructor(options: LiveSessionOptions) {
    super('hall', hallFold, options);
    this.listen('hall:overview', ({ tables, full }) => {
      this.#summaries = mergeSummaries(this.#summaries, tables, full);
    });
  }

  /** The shared rules, so the dot buttons agree with what the server accepts. */
  mayVote(table: number): boolean {
    return this.state ? mayHarvestVote(this.state, this.you, table) : false;
  }

  mayUnvote(table: number): boolean {
    return this.state ? mayHarvestUnvote(this.state, this.you, table) : false;
  }

  /** Every table's topics, votes, takeaways and actions, loaded by the server (organisers only; it checks). */
  exportHall(): Promise<Ack<HallExport>> {
    return this.ask((socket) => socket.timeout(REQUEST_TIMEOUT_MS * 3).emitWithAck('hall:export', {}));
  }
}
