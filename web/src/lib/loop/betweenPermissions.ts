/*
 * Which between-meetings controls the space shows (issue 17): the shared predicates `decideLoop`
 * asks (shared/src/teamSpace/betweenMeetingsPermissions.ts, and the caps in teamSpace/limits.ts),
 * so a button shows exactly when the server would accept its command. Nothing is decided here.
 */
export {
  /** The holder asks for answers instead of a meeting (`ask`), or takes that back. */
  mayAskAsync,
  /** Anyone but the holder answers a tension asked between meetings. */
  mayAnswerAsync,
  /** "I got what I needed": the holder resolves it with an outcome. */
  mayResolveAsync,
  mayPublishProposal,
  mayAskProposal,
  mayAnswerProposalQuestion,
  mayReactToProposal,
  /** "No objection" / "Raise an objection" while the window is open (`now < closesAt`). */
  mayRespondToProposal,
  mayWithdrawProposal,
  /** A facilitator pulls an open proposal into the next governance meeting. */
  mayPullProposal,
  // The caps, asked as `decideLoop` asks them before refusing with `limit_reached`.
  canAnswerAsync,
  canPublishProposal,
  canAskProposal,
  canReactToProposal,
} from '@runde/shared/client';
