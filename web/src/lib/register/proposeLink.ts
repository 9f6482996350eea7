import type { Register, RegisterChangeOp } from '@runde/shared/client';
import type { RegisterChangeInput } from '@runde/shared/protocol';
import { newRegisterChange, registerChangeOps } from './registerChanges.ts';

/**
 * How the register page hands a change to the proposal form on the space page: a link
 * `/t/CODE?propose=role:amend&entry=ID`. The form (wt-webbetween's) reads it with
 * `proposedChange` and opens prefilled; the entry is read from the live register then, so the link
 * carries no content and an amendment starts from the entry as it is when the form opens.
 */
export const proposeParam = 'propose';
export const proposeEntryParam = 'entry';

/** The query string (`?propose=…`) of a link that opens the proposal form with this change. */
export function proposeQuery(op: RegisterChangeOp, entryId?: string): string {
  const query = new URLSearchParams({ [proposeParam]: op });
  if (entryId !== undefined) query.set(proposeEntryParam, entryId);
  return `?${query.toString()}`;
}

const isOp = (value: string | null): value is RegisterChangeOp =>
  value !== null && (registerChangeOps as readonly string[]).includes(value);

/**
 * The change a link asks the proposal form to start with; `null` without one, or when the entry
 * is gone or removed by now (the form then opens empty).
 */
export function proposedChange(search: URLSearchParams, register: Register): RegisterChangeInput | null {
  const op = search.get(proposeParam);
  if (!isOp(op)) return null;
  const entryId = search.get(proposeEntryParam) ?? undefined;
  if (!op.endsWith(':add') && entryId === undefined) return null;
  return newRegisterChange(op, register, entryId);
}
