const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * From this many days before a team space's date, its facilitators see a warning on its home. A
 * month leaves time for a team on holiday to come back, change something or take its minutes.
 */
export const TEAM_SPACE_RETENTION_WARNING_DAYS = 30;

/** Whether the date a session is kept until is close enough to warn its facilitators (or past). */
export function isRetentionNear(keptUntil: number, now: number): boolean {
  return keptUntil - now <= TEAM_SPACE_RETENTION_WARNING_DAYS * DAY_MS;
}
