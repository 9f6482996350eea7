/**
 * The Redis keys of one session. They share the hash tag `{id}`, so Redis Cluster puts them in one
 * slot and a single script may touch them all; the order here is the order scripts see in KEYS.
 */
export function sessionKeys(
  prefix: string,
  id: string,
): [
  session: string,
  events: string,
  tokens: string,
  secrets: string,
  commands: string,
  archivedMeetings: string,
  archivedTensions: string,
  archivedActions: string,
  archivedDecisions: string,
  hallTables: string,
] {
  const base = `${prefix}{${id}}`;
  return [
    `${base}:session`,
    `${base}:events`,
    // Token hash → seat (the handshake's one HGET), beside it each seat's device records and open
    // seat links (see seatDeviceScripts.ts): deleted and expired together.
    `${base}:tokens`,
    `${base}:secrets`,
    `${base}:commands`,
    // The archive, one list per kind so each is paged without scanning the others.
    `${base}:archive:meeting`,
    `${base}:archive:tension`,
    `${base}:archive:action`,
    `${base}:archive:decision`,
    // A hall's summaries of its tables (written by the tables' commits): gone with the hall.
    `${base}:hall:tables`,
  ];
}

/**
 * The index of team spaces' next proposal deadlines, one for all sessions under the prefix: a
 * sorted set (member = session id, score = the earliest `closesAt` of its open proposals, ms) and
 * a hash of the session version each score was computed from, so a late write of an older state
 * never replaces a newer one. Both share the hash tag `{proposal-deadlines}`: one script may touch
 * both, also on Redis Cluster. Not part of any session's keys: every node polls the set.
 */
export function proposalDeadlineKeys(prefix: string): [due: string, versions: string] {
  const base = `${prefix}{proposal-deadlines}`;
  return [`${base}:due`, `${base}:versions`];
}
