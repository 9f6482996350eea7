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
