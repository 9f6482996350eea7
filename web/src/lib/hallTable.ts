import { base } from '$app/paths';

/**
 * The hall's phone page, for a phone at one of its tables: `move` asks for another table, `reseat`
 * for a new one after the organiser merged this table into others (the hall page does the seating);
 * neither: the hall page itself, which shows the harvest across tables once the organiser opened it.
 * Built from the base path, not `resolve`: the hall's routes are another part of the app.
 */
export function hallPagePath(hallId: string, intent?: 'move' | 'reseat'): string {
  const page = `${base}/h/${encodeURIComponent(hallId)}`;
  return intent ? `${page}?${intent}=1` : page;
}
