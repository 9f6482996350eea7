import {
  backlog,
  canRecord,
  canRunMeeting,
  currentSpeaker,
  currentTension,
  isSpaceFacilitator,
  mayAnswerGotWhatNeeded,
  openActions,
  roomKeys,
  roundComplete,
  type ActionItem,
  type GovernanceProcess,
  type LoopCommandType,
  type Meeting,
  type RoomKey,
  type Round,
  type TeamSpaceState,
  type Seat,
  type Tension,
} from '@runde/shared/client';
import { LiveSession, type LiveSessionOptions } from './liveSession.svelte.ts';
import { saveSeat } from './seats.ts';
import { teamSpaceFold } from './teamSpaceFold.ts';

/**
 * One seat in a live team space: the connection, plus what the space and meeting screens read.
 * Every rule comes from the shared core, so buttons agree with what the server accepts.
 */
export class SpaceClient extends LiveSession<TeamSpaceState, LoopCommandType> {
  /** Looks after the space: rooms, members, starting meetings. */
  readonly isFacilitator = $derived(this.state ? isSpaceFacilitator(this.state, this.you) : false);
  readonly meeting: Meeting | null = $derived(this.state?.meeting ?? null);
  /** Runs the current meeting: its facilitator, or a space facilitator standing in. */
  readonly runsMeeting = $derived(this.state ? canRunMeeting(this.state, this.you) : false);
  /** Records outcomes: whoever runs the meeting, and its scribe. */
  readonly canRecord = $derived(this.state ? canRecord(this.state, this.you) : false);
  /** Answers "Did you get what you need?": the tension's holder, and whoever records for them. */
  readonly answersGotWhatNeeded = $derived(this.state ? mayAnswerGotWhatNeeded(this.state, this.you) : false);
  readonly controlsTimer = $derived(this.runsMeeting);
  readonly tension: Tension | undefined = $derived(this.state ? currentTension(this.state) : undefined);
  readonly round: Round | null = $derived(this.meeting?.round ?? null);
  readonly speakerId: string | undefined = $derived(currentSpeaker(this.round));
  readonly roundDone = $derived(roundComplete(this.round));
  readonly process: GovernanceProcess | null = $derived(this.meeting?.process ?? null);
  /** Open tensions per room, oldest first. */
  readonly backlogs: Readonly<Record<RoomKey, Tension[]>> = $derived(this.#backlogs());
  readonly openActions: ActionItem[] = $derived(this.state ? openActions(this.state) : []);
  /** Tensions this seat brought that are still open (its own are never masked). */
  readonly myOpenTensions: Tension[] = $derived(
    this.state?.tensions.filter((t) => t.authorId === this.you && t.status === 'open') ?? [],
  );

  /** The seat this device's seat was merged into while the page was open: the page says so once. */
  mergedInto = $state<string | null>(null);
  readonly #seat: Seat | null;

  constructor(options: LiveSessionOptions) {
    super('team-space', teamSpaceFold, options);
    this.#seat = 'seat' in options ? options.seat : null;
  }

  /**
   * A merge that concerns this device: its seat went into another (the token proves that one now;
   * the stored seat says so, for the next visit), or another seat came into this one. Either way
   * the seat may now read what the other could (personal-room tensions, anonymous ones it brought),
   * which the merge event cannot carry: a whole snapshot replaces the copy, and says who `you` is.
   */
  protected override replicaChanged(before: TeamSpaceState, after: TeamSpaceState): void {
    const merges = (after.mergedSeats ?? []).slice(before.mergedSeats?.length ?? 0);
    const gone = merges.find((m) => m.from === this.you);
    if (gone) this.seatMerged(gone.into);
    else if (merges.some((m) => m.into === this.you)) this.refreshFromSnapshot();
  }

  /**
   * The server said so (`seat:ended {reason: 'merged'}`) before closing the socket, or the merge
   * event arrived first: the stored seat becomes `into` at once (a reload in between resumes the
   * right seat), and the next snapshot (asked for until one arrives) says who this device is now.
   */
  protected override seatMerged(into: string): void {
    if (this.#seat && this.#seat.participantId !== into) {
      saveSeat(this.#seat.sessionId, { ...this.#seat, participantId: into });
    }
    this.mergedInto = into;
    this.refreshFromSnapshot();
  }

  /** Whether it is this seat's turn in the running round. */
  get mySpeakingTurn(): boolean {
    return !!this.speakerId && this.speakerId === this.you;
  }

  /** The team's name for a room, or `null` where it keeps the default (translated by the page). */
  customRoomName(room: RoomKey): string | null {
    return this.state?.roomNames[room] ?? null;
  }

  #backlogs(): Record<RoomKey, Tension[]> {
    const state = this.state;
    return Object.fromEntries(roomKeys.map((room) => [room, state ? backlog(state, room) : []])) as Record<
      RoomKey,
      Tension[]
    >;
  }
}
