import type { Meeting, ProcessedTension, Tension } from '@runde/shared/client';

/** One line of the meeting's tension list: done in this meeting, on the table, or still to come. */
export type AgendaRow =
  | { state: 'processed'; id: string; title: string; entry: ProcessedTension }
  | { state: 'current' | 'upcoming'; id: string; title: string; tension: Tension };

/**
 * The tensions of this meeting in the order they are taken: those already processed (closing
 * takes a tension off the agenda), then the one on the table, then the rest of the agenda. A
 * tension that stayed open may come back on the agenda and then shows in both places.
 */
export function agendaRows(meeting: Meeting, tensions: readonly Tension[]): AgendaRow[] {
  const byId = new Map(tensions.map((t) => [t.id, t]));
  const rows: AgendaRow[] = meeting.processed
    .filter((entry) => entry.tensionId !== meeting.currentTensionId)
    .map((entry) => ({ state: 'processed', id: entry.tensionId, title: entry.title, entry }));
  const current = meeting.currentTensionId ? byId.get(meeting.currentTensionId) : undefined;
  if (current) rows.push({ state: 'current', id: current.id, title: current.title, tension: current });
  for (const id of meeting.agenda) {
    const tension = byId.get(id);
    if (tension && id !== current?.id) rows.push({ state: 'upcoming', id, title: tension.title, tension });
  }
  return rows;
}

/** The room's open tensions that are not on the agenda yet: what the runner may add. */
export function agendaOffer(backlog: readonly Tension[], meeting: Meeting): Tension[] {
  return backlog.filter((t) => !meeting.agenda.includes(t.id) && t.id !== meeting.currentTensionId);
}
