import { z } from 'zod';
import type { Participant } from '../core/participants.ts';
import { displayNameSchema, idSchema } from '../protocol/schemas.ts';

/** The marker every Runde backup file starts with, so a stray JSON file is told apart from a backup. */
export const EXPORT_FORMAT = 'runde-export';
/** The one version this release writes and reads. A later release that changes the file adds a version and an upgrade. */
export const EXPORT_VERSION = 1;
export const exportKinds = ['team-space', 'lean-coffee'] as const;
export type ExportKind = (typeof exportKinds)[number];

/** What every backup file starts with: the format, its version, its kind, when and by whom it was taken. */
export function exportHeader<K extends ExportKind>(kind: K, exportedAt: number, exportedBy: string) {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, kind, exportedAt, exportedBy } as const;
}

/** A person as a backup keeps them: without presence, which a restored session starts without. */
export const exportedPerson = ({ id, name, role, joinedAt }: Participant) => ({ id, name, role, joinedAt });

/**
 * Archived items a team space keeps of each kind: the server's `ARCHIVE_MAX_ENTRIES`. A backup holds
 * at most these beside what the live state may hold, so its lists are bounded like the space's.
 */
export const archivedItemsPerKindMax = 5000;

/**
 * Instants in a backup, in ms since 1970. Runde did not exist before 2020, and a date far in the
 * future is a forged or broken file; `checkExportDates` also refuses anything after `exportedAt`.
 */
export const EARLIEST_EXPORT_INSTANT = Date.UTC(2020, 0, 1);
export const LATEST_EXPORT_INSTANT = Date.UTC(2100, 0, 1);
export const exportInstantSchema = z.number().int().min(EARLIEST_EXPORT_INSTANT).max(LATEST_EXPORT_INSTANT);

/** The fields of {@link exportHeader}, as a file of this kind must hold them. */
export function exportHeaderFields<K extends ExportKind>(kind: K) {
  return {
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    kind: z.literal(kind),
    exportedAt: exportInstantSchema,
    /** The facilitator who wrote the file; whoever imports it takes that seat, as facilitator. */
    exportedBy: idSchema,
  };
}

/** A person in a backup file of any kind. */
export const exportedPersonSchema = z.strictObject({
  id: idSchema,
  name: displayNameSchema,
  role: z.enum(['facilitator', 'participant']),
  joinedAt: exportInstantSchema,
});

/**
 * Why a file was refused, precise enough for the page to say it in the reader's language. Never
 * echoes file content beyond a path and an id (ids are pattern-bound, so safe to show).
 */
export type ImportProblem =
  | { reason: 'not-json' }
  | { reason: 'not-a-backup' }
  | { reason: 'unsupported-version'; version: number }
  | { reason: 'wrong-kind'; expected: ExportKind; found: ExportKind }
  | { reason: 'too-large' }
  /** The file does not match the schema at `path` (e.g. `space.tensions.3.title`). */
  | { reason: 'invalid'; path: string }
  /** Two entries of one list share an id. */
  | { reason: 'duplicate-id'; entry: string }
  /** `entry` (a path) names `target` (a kind and an id), which the file does not hold. */
  | { reason: 'dangling-reference'; entry: string; target: string }
  /** An instant after the moment the file says it was written. */
  | { reason: 'date-out-of-range'; entry: string };

export type ImportResult<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };

const headerSchema = z.object({ format: z.unknown(), version: z.unknown(), kind: z.unknown() });

/**
 * The first look at a file: is it a Runde backup, of a version this release reads, of the kind
 * expected? Answered before the (much larger) schema runs, so the message names the real problem.
 */
export function checkExportHeader(json: unknown, expected: ExportKind): ImportResult<null> {
  const header = headerSchema.safeParse(json);
  if (!header.success || header.data.format !== EXPORT_FORMAT)
    return { ok: false, problem: { reason: 'not-a-backup' } };
  const { version, kind } = header.data;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return { ok: false, problem: { reason: 'not-a-backup' } };
  }
  if (version !== EXPORT_VERSION) return { ok: false, problem: { reason: 'unsupported-version', version } };
  const found = exportKinds.find((k) => k === kind);
  if (!found) return { ok: false, problem: { reason: 'not-a-backup' } };
  if (found !== expected) return { ok: false, problem: { reason: 'wrong-kind', expected, found } };
  return { ok: true, value: null };
}

/** The kind a backup says it is, when it says so plausibly; the import route picks its reader by it. */
export function exportKindOf(json: unknown): ExportKind | null {
  const header = headerSchema.safeParse(json);
  if (!header.success || header.data.format !== EXPORT_FORMAT) return null;
  return exportKinds.find((k) => k === header.data.kind) ?? null;
}

/** The first schema problem, as a dotted path (no file content). */
export function schemaProblem(error: z.ZodError): ImportProblem {
  const issue = error.issues[0];
  return { reason: 'invalid', path: issue ? issue.path.map(String).join('.') : '' };
}

/**
 * Collects the cross-reference problems of a parsed file: unique ids per list, references that
 * resolve, instants not after the export. Stops at the first problem (a broken file has many).
 */
export class ReferenceCheck {
  problem: ImportProblem | null = null;
  readonly #exportedAt: number;

  constructor(exportedAt: number) {
    this.#exportedAt = exportedAt;
  }

  /** The ids of a list, refusing duplicates. */
  ids(list: readonly { id: string }[], path: string): Set<string> {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) this.fail({ reason: 'duplicate-id', entry: `${path}.${i}` });
      seen.add(item.id);
    });
    return seen;
  }

  /** `id` (when not null) must be one of `known`, a list of `kind`. */
  ref(id: string | null, known: ReadonlySet<string>, entry: string, kind: string): void {
    if (id !== null && !known.has(id)) this.fail({ reason: 'dangling-reference', entry, target: `${kind} ${id}` });
  }

  refs(ids: readonly (string | null)[], known: ReadonlySet<string>, entry: string, kind: string): void {
    ids.forEach((id, i) => this.ref(id, known, `${entry}.${i}`, kind));
  }

  /** An instant must not be after the export (a minute of clock skew between devices is forgiven). */
  instant(at: number | null, entry: string): void {
    if (at !== null && at > this.#exportedAt + 60_000) this.fail({ reason: 'date-out-of-range', entry });
  }

  /** Only a facilitator may take a backup: the file's exporter must be one of its people, as a facilitator. */
  exportedByFacilitator(people: readonly { id: string; role: string }[], exportedBy: string): void {
    const exporter = people.find((p) => p.id === exportedBy);
    if (!exporter || exporter.role !== 'facilitator') {
      this.fail({ reason: 'dangling-reference', entry: 'exportedBy', target: `facilitator ${exportedBy}` });
    }
  }

  fail(problem: ImportProblem): void {
    this.problem ??= problem;
  }
}

/** `POST /api/imports` refused the file: the error body's `error`, with why. Nothing was created. */
export interface ImportRefusal {
  code: 'invalid_payload' | 'rate_limited';
  message: string;
  problem: ImportProblem;
}

/** A file stamped later than this after the importing server's clock is refused as out of range. */
const EXPORTED_AT_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * Reads a file as a backup of one kind: header, schema (text cleaned on the way), the export date,
 * then the kind's cross-references. The same steps for every kind; the kind brings its schema and
 * its reference check.
 */
export function parseExportFile<S extends z.ZodType<{ exportedAt: number }>>(
  json: unknown,
  now: number,
  kind: ExportKind,
  schema: S,
  checkReferences: (file: z.output<S>) => ReferenceCheck,
): ImportResult<z.output<S>> {
  const header = checkExportHeader(json, kind);
  if (!header.ok) return header;
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: schemaProblem(parsed.error) };
  const file = parsed.data;
  if (file.exportedAt > now + EXPORTED_AT_SLACK_MS) {
    return { ok: false, problem: { reason: 'date-out-of-range', entry: 'exportedAt' } };
  }
  const check = checkReferences(file);
  return check.problem ? { ok: false, problem: check.problem } : { ok: true, value: file };
}
