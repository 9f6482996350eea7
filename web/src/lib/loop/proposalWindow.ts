import type { AsyncProposal, ParticipantId } from '@runde/shared/client';
import { localeFor, type Language } from '../i18n/languages.ts';

/**
 * What a proposal card says about its objection window (issue 17): when it ends, in the team's
 * time zone (a member travelling still reads the team's "Mo., 14. Dez., 09:00"), how long is left,
 * and who has answered. Pure: the card passes the clock and the names.
 */

/** "Mo., 14. Dez., 09:00" / "Mon 14 Dec, 09:00": the end of the window where the team works. */
export function formatWindowEnd(closesAt: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(localeFor[language], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(closesAt);
}

export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
}

/**
 * What is left of the window, rounded up to the minute (so "0 minutes" shows only when it is over);
 * `null` once `now` reached `closesAt`, the moment the server closes it.
 */
export function timeLeft(closesAt: number, now: number): TimeLeft | null {
  const ms = closesAt - now;
  if (ms <= 0) return null;
  const totalMinutes = Math.ceil(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** A member's current answer: the newest response counts. */
export type MyResponse = 'none' | 'no-objection' | 'objection';

export function responseOf(proposal: AsyncProposal, member: ParticipantId): MyResponse {
  let newest: AsyncProposal['responses'][number] | undefined;
  for (const response of proposal.responses) {
    if (response.by === member && (!newest || response.at >= newest.at)) newest = response;
  }
  if (!newest) return 'none';
  return newest.objectionId === null ? 'no-objection' : 'objection';
}

export interface ResponseTally {
  /** Names in the order of `asked`, then anyone who joined later and answered. */
  noObjection: string[];
  objection: string[];
  /** Asked, and not answered yet. */
  waiting: string[];
  responded: number;
  asked: number;
}

/**
 * Who answered what, by name (`nameOf` gives `undefined` for someone who left: they are skipped).
 * The proposer is not waited for (as `awaitsResponseFrom` says), but counts once they answered.
 */
export function tallyResponses(
  proposal: AsyncProposal,
  nameOf: (id: ParticipantId) => string | undefined,
): ResponseTally {
  const members = [...proposal.asked];
  for (const response of proposal.responses) if (!members.includes(response.by)) members.push(response.by);
  const tally: ResponseTally = { noObjection: [], objection: [], waiting: [], responded: 0, asked: 0 };
  for (const member of members) {
    const name = nameOf(member);
    const answer = responseOf(proposal, member);
    if (member === proposal.authorId && answer === 'none') continue;
    if (proposal.asked.includes(member)) tally.asked++;
    if (answer !== 'none') tally.responded++;
    if (name === undefined) continue;
    if (answer === 'no-objection') tally.noObjection.push(name);
    else if (answer === 'objection') tally.objection.push(name);
    else tally.waiting.push(name);
  }
  return tally;
}
