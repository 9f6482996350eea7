import { defineScript, type CommandParser } from 'redis';
import {
  GRANT_DEVICE,
  PUT_SEAT_LINK,
  REPOINT_SEAT,
  REVOKE_DEVICES,
  SEAT_DEVICES,
  SEAT_DEVICES_LIB,
  TAKE_SEAT_LINK,
} from './seatDeviceScripts.ts';

/*
 * Every write to a session is one of these scripts: Redis runs a script atomically, so the version
 * check and the writes cannot interleave with another node's, and the whole write is one round trip.
 * KEYS are always the ten keys from `sessionKeys` (session hash, event list, token hash, secret hash,
 * command-id sorted set, the archive's lists of meetings, tensions, actions and decisions, then a
 * hall's hash of table summaries).
 * Versions and counts travel as decimal strings; the replies are small tables decoded in TypeScript.
 */

/**
 * ARGV: state JSON, event count n, retention ms, max events, token count t, then n event JSONs,
 * then t (tokenHash, participantId, device JSON or '') triples, then (keyHash, participantId) pairs.
 * Reply: 1 when created, 0 when the id is taken.
 */
const CREATE = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
-- Leftovers of an expired session with the same code must not leak into the new one.
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8], KEYS[9], KEYS[10])
local n = tonumber(ARGV[2])
local t = tonumber(ARGV[5])
-- 'retention' records the retention the last write applied; see TEAM_SPACE_RETENTION_UPGRADE.
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'version', n, 'snapshot', n, 'retention', ARGV[3])
if n > 0 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 6, 5 + n))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
end
-- Born with device records: no token of this session ever needs migrating.
redis.call('HSET', KEYS[3], 'recorded', '1')
for i = 6 + n, 5 + n + 3 * t, 3 do add_device(ARGV[i], ARGV[i + 1], ARGV[i + 2]) end
if #ARGV >= 6 + n + 3 * t then redis.call('HSET', KEYS[4], unpack(ARGV, 6 + n + 3 * t, #ARGV)) end
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return 1
`;

/**
 * The session as stored: {version, snapshot JSON, snapshot version, event JSONs after the
 * snapshot}. A missing 'snapshot' field (sessions written before snapshots were spaced out) means
 * the snapshot is current.
 */
const CURRENT_SESSION = `
local function current_session()
  local fields = redis.call('HMGET', KEYS[1], 'version', 'state', 'snapshot')
  local version = tonumber(fields[1])
  local snapshot = tonumber(fields[3]) or version
  local reply = {version, fields[2], snapshot}
  if snapshot < version then
    local tail = redis.call('LRANGE', KEYS[2], snapshot - version, -1)
    for i = 1, #tail do reply[#reply + 1] = tail[i] end
  end
  return reply
end
`;

/** Reply: {} when there is no such session, else what `current_session` returns. */
const LOAD = `
${CURRENT_SESSION}
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
return current_session()
`;

/**
 * The archive: what a write's fold dropped from the live state, kept instead of destroyed (ARGV
 * layout: see COMMIT). One list per kind; the session hash counts every item ever archived of a
 * kind (`archived:<kind>`, which numbers them for paging) and the bytes its list holds
 * (`archiveBytes:<kind>`). The oldest go once either bound is passed; decisions have bounds of their own.
 */
const ARCHIVE_APPEND = `
local archiveLists = {meeting = KEYS[6], tension = KEYS[7], action = KEYS[8], decision = KEYS[9]}
for i = e + n, e - 1 + n + 2 * a, 2 do
  local kind, entry = ARGV[i], ARGV[i + 1]
  local list = archiveLists[kind]
  local maxEntries, maxBytes = tonumber(ARGV[9]), tonumber(ARGV[10])
  if kind == 'decision' then maxEntries, maxBytes = tonumber(ARGV[11]), tonumber(ARGV[12]) end
  local length = redis.call('RPUSH', list, entry)
  redis.call('HINCRBY', KEYS[1], 'archived:' .. kind, 1)
  local bytes = redis.call('HINCRBY', KEYS[1], 'archiveBytes:' .. kind, #entry)
  while length > maxEntries or bytes > maxBytes do
    local oldest = redis.call('LPOP', list)
    if not oldest then break end
    length = length - 1
    bytes = redis.call('HINCRBY', KEYS[1], 'archiveBytes:' .. kind, -#oldest)
  end
end
`;

/**
 * ARGV: expected version, next state JSON ('' to keep the older snapshot), retention ms, max
 * events, event count n, seat-scoped command id ('' for none; see `seatCommandMember`: ids are the
 * clients' own, so only the same seat's id marks a retry), max command ids kept, archived item count
 * a, max archived items and max archived bytes per kind, the same two for decisions, the seat whose
 * tokens and devices move (a merge; '' for none) and the seat they move to, the seat of a capped
 * grant ('' for none), its cap and a JSON array of its device ids to revoke, then n event JSONs (from
 * ARGV[e]), then a (kind, entry JSON) pairs for the archive, then (tokenHash, participantId, device
 * JSON or '') triples, and (field, value, '-') triples for plain fields (bound subjects, access).
 * A bound subject (`s:` field) is written only while unbound or bound to the same seat, and the
 * capped seat must stay within its cap: both are checked before anything is written.
 * Reply: {'ok', version} | {'missing'} | {'duplicate', version} | {'cap'} | {'bound', participantId}
 *      | {'conflict', version, snapshot JSON, snapshot version, event JSONs since the snapshot...}.
 */
const COMMIT = `
${CURRENT_SESSION}
${SEAT_DEVICES_LIB}
local e = 18
local commandId = ARGV[6]
-- A retry of a command this seat already got in: its first result stands, whatever the version now.
if commandId ~= '' then
  local seen = redis.call('ZSCORE', KEYS[5], commandId)
  if seen then return {'duplicate', tonumber(seen)} end
end
local current = redis.call('HGET', KEYS[1], 'version')
if not current then return {'missing'} end
if tonumber(current) ~= tonumber(ARGV[1]) then
  local reply = current_session()
  table.insert(reply, 1, 'conflict')
  return reply
end
local n = tonumber(ARGV[5])
local a = tonumber(ARGV[8])
-- Refusals first, so a refused commit writes nothing. One person is one seat: two first sign-ins
-- racing on two nodes both decide a new seat, and only the first may bind the subject.
for i = e + n + 2 * a, #ARGV, 3 do
  if ARGV[i + 2] == '-' and string.sub(ARGV[i], 1, 2) == 's:' then
    local bound = redis.call('HGET', KEYS[3], ARGV[i])
    if bound and bound ~= ARGV[i + 1] then return {'bound', bound} end
  end
end
local capped, revoke = ARGV[15], {}
if capped ~= '' then
  migrate()
  for _, id in ipairs(cjson.decode(ARGV[17])) do revoke[id] = true end
  local count = 0
  for _, d in ipairs(record_of(capped)) do if not revoke[d.id] then count = count + 1 end end
  if count + 1 > tonumber(ARGV[16]) then return {'cap'} end
end
local version = tonumber(current) + n
if n > 0 then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, e, e - 1 + n))
  -- The log keeps only the newest events; a client further behind gets a snapshot instead.
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
end
-- The snapshot is rewritten only now and then; in between, readers fold the newest events onto it.
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'state', ARGV[2], 'version', version, 'snapshot', version)
else
  -- Sessions stored before snapshots were spaced out: their snapshot is the version before this write.
  redis.call('HSETNX', KEYS[1], 'snapshot', current)
  redis.call('HSET', KEYS[1], 'version', version)
end
if ARGV[13] ~= '' then repoint(ARGV[13], ARGV[14]) end
if capped ~= '' then
  local kept = {}
  for _, d in ipairs(record_of(capped)) do
    if revoke[d.id] then redis.call('HDEL', KEYS[3], d.tokenHash) else table.insert(kept, d) end
  end
  write_record(capped, kept)
end
if #ARGV >= e + n + 2 * a then
  migrate()
  for i = e + n + 2 * a, #ARGV, 3 do
    -- '-': a plain field of the tokens hash (a bound subject, the access flag), no device.
    if ARGV[i + 2] == '-' then redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
    else add_device(ARGV[i], ARGV[i + 1], ARGV[i + 2]) end
  end
end
if commandId ~= '' then
  redis.call('ZADD', KEYS[5], version, commandId)
  redis.call('ZREMRANGEBYRANK', KEYS[5], 0, -tonumber(ARGV[7]) - 1)
end
${ARCHIVE_APPEND}
-- Retention (the session kind's) counts from the last write, for all keys together, so none
-- outlives the others.
redis.call('HSET', KEYS[1], 'retention', ARGV[3])
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return {'ok', version}
`;

/**
 * ARGV: the version the caller has. Reads the version and the log in one atomic step, so the
 * answer never mixes two moments. Reply: {'ok', event JSON...} | {'none'} when a snapshot is needed.
 */
const EVENTS_SINCE = `
local version = tonumber(redis.call('HGET', KEYS[1], 'version'))
local since = tonumber(ARGV[1])
if not version or since > version or since < 0 then return {'none'} end
if since == version then return {'ok'} end
local first = version - redis.call('LLEN', KEYS[2]) + 1
if since < first - 1 then return {'none'} end
local events = redis.call('LRANGE', KEYS[2], since - first + 1, -1)
table.insert(events, 1, 'ok')
return events
`;

/**
 * ARGV: kind, before (a seq, exclusive; '' for the newest), limit. Reply: {first seq kept, seq of
 * the first entry returned, entry JSONs oldest first...}; {0, 0} when nothing of that kind was archived.
 */
const ARCHIVE_PAGE = `
local list = ({meeting = KEYS[6], tension = KEYS[7], action = KEYS[8], decision = KEYS[9]})[ARGV[1]]
local total = tonumber(redis.call('HGET', KEYS[1], 'archived:' .. ARGV[1]))
if not list or not total then return {0, 0} end
local first = total - redis.call('LLEN', list) + 1
local upper = total
if ARGV[2] ~= '' then upper = math.min(upper, tonumber(ARGV[2]) - 1) end
local lower = math.max(first, upper - tonumber(ARGV[3]) + 1)
if upper < lower then return {first, lower} end
local reply = redis.call('LRANGE', list, lower - first, upper - first)
table.insert(reply, 1, lower)
table.insert(reply, 1, first)
return reply
`;

/**
 * ARGV: the projector key's hash. Written into the session's own hash, so it shares the session's
 * retention and deletion and never outlives it. Reply: 1 when set, 0 when there is no session.
 */
const SET_PROJECTOR_KEY = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'projectorKey', ARGV[1])
return 1
`;

/**
 * ARGV: a team space's retention ms. For a session no write of this release has touched yet (no
 * 'retention' field): an older release gave every session the short Lean Coffee retention, so a
 * team space on a pause at the upgrade would go before its next write. A team space gets its
 * kind's retention, from now, once; a Lean Coffee is left alone (its next write or expiry settles
 * it). Idempotent, so any number of nodes may run it at once and again at every start.
 * The kind is read from the snapshot's opening bytes: states are written as JSON starting with
 * the session id (a join code) and then `"kind"`, so user text can never be mistaken for it.
 * Reply: 1 when the retention was applied, 0 otherwise.
 */
const TEAM_SPACE_RETENTION_UPGRADE = `
if redis.call('HEXISTS', KEYS[1], 'retention') == 1 then return 0 end
local state = redis.call('HGET', KEYS[1], 'state')
if not state or not string.find(string.sub(state, 1, 100), '"kind":"team-space"', 1, true) then return 0 end
redis.call('HSET', KEYS[1], 'retention', ARGV[1])
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
return 1
`;

/**
 * ARGV: table number, the table session's version, the summary JSON, the hall's retention ms. A
 * hall's table summaries live in KEYS[10]: per table `s:<n>` (the JSON) and `v:<n>` (its version),
 * and `stamp`, which counts every change so a feed can ask cheaply whether anything did. Two nodes
 * may write one table's summaries out of order; an older version never replaces a newer one.
 * Nothing is written for a hall that is gone. A table's write keeps its hall: every key of the
 * hall gets the hall's retention from now, as a hall commit would, so a table in use never
 * outlives its hall (whose deletion takes the tables with it). Reply: 1 when written, 0 when not.
 */
const PUT_HALL_TABLE_SUMMARY = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'retention', ARGV[4])
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
local older = tonumber(redis.call('HGET', KEYS[10], 'v:' .. ARGV[1]))
if older and older >= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[10], 's:' .. ARGV[1], ARGV[3], 'v:' .. ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[10], 'stamp', 1)
redis.call('PEXPIRE', KEYS[10], ARGV[4])
return 1
`;

/** Reply: {stamp, summary JSON...} in one atomic read, so the stamp matches the summaries; {0} for none. */
const HALL_TABLE_SUMMARIES = `
local fields = redis.call('HGETALL', KEYS[10])
local reply = {0}
for i = 1, #fields, 2 do
  local name = fields[i]
  if name == 'stamp' then reply[1] = tonumber(fields[i + 1])
  elseif string.sub(name, 1, 2) == 's:' then reply[#reply + 1] = fields[i + 1] end
end
return reply
`;

/*
 * The proposal-deadline index (`proposalDeadlineKeys`): KEYS are the sorted set of deadlines and
 * the hash of the versions they were computed from, not a session's keys.
 */

/**
 * ARGV: session id, the session version the deadline was computed from, the deadline in ms or ''
 * for none. A version older than the one recorded writes nothing (two nodes may write one session's
 * deadline out of order); the same version may write again (a scheduler refreshing after a no-op).
 * Reply: 1 when written, 0 when not.
 */
const SET_PROPOSAL_DEADLINE = `
local recorded = tonumber(redis.call('HGET', KEYS[2], ARGV[1]))
if recorded and recorded > tonumber(ARGV[2]) then return 0 end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
end
return 1
`;

/** ARGV: session id. Forgets the session's deadline whatever its version (the session was deleted). */
const DROP_PROPOSAL_DEADLINE = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`;

/** ARGV: now (ms), limit. Reply: ids of sessions whose deadline is at or before now, earliest first. */
const DUE_PROPOSAL_DEADLINES = `
return redis.call('ZRANGE', KEYS[1], '-inf', ARGV[1], 'BYSCORE', 'LIMIT', 0, tonumber(ARGV[2]))
`;

/**
 * One script as `defineScript` returns it: its settings plus the SHA1 that EVALSHA sends. Written out because
 * the library's own name for the SHA1 part is not exported, and server's declarations (for `tsc -b`) must name it.
 */
interface SessionScriptConfig {
  SCRIPT: string;
  NUMBER_OF_KEYS: number;
  IS_READ_ONLY: boolean;
  parseCommand(parser: CommandParser, keys: readonly string[], args: readonly string[]): void;
  transformReply: (reply: unknown) => unknown;
}
type SessionScript = SessionScriptConfig & { SHA1: string };

/** Session scripts take the ten keys of `sessionKeys`; the deadline index's scripts its two. */
function script(source: string, readOnly: boolean, numberOfKeys = 10): SessionScript {
  return defineScript<SessionScriptConfig>({
    SCRIPT: source,
    NUMBER_OF_KEYS: numberOfKeys,
    IS_READ_ONLY: readOnly,
    parseCommand(parser: CommandParser, keys: readonly string[], args: readonly string[]) {
      parser.pushKeys([...keys]);
      parser.push(...args);
    },
    // Replies are decoded and checked by the store; the client library should pass them through.
    transformReply: (reply: unknown): unknown => reply,
  });
}

/**
 * KEYS[1]: one subject's sign-in ids (a JSON array, newest first). ARGV: the new id, the most kept,
 * ttl ms. The id goes first; past the bound the oldest go, in the same step, so two logins at once
 * can neither drop each other's id nor both keep one too many. Reply: the ids that went.
 */
const ADD_SUBJECT_SIGN_IN = `
local ids = cjson.decode(redis.call('GET', KEYS[1]) or '[]')
local kept, ended = {ARGV[1]}, {}
for _, id in ipairs(ids) do
  if id ~= ARGV[1] then
    if #kept < tonumber(ARGV[2]) then table.insert(kept, id) else table.insert(ended, id) end
  end
end
redis.call('SET', KEYS[1], cjson.encode(kept), 'PX', ARGV[3])
return ended
`;

export const sessionScripts = {
  createSession: script(CREATE, false),
  commitSession: script(COMMIT, false),
  eventsSince: script(EVENTS_SINCE, true),
  loadSession: script(LOAD, true),
  archivePage: script(ARCHIVE_PAGE, true),
  setProjectorKey: script(SET_PROJECTOR_KEY, false),
  upgradeTeamSpaceRetention: script(TEAM_SPACE_RETENTION_UPGRADE, false),
  putHallTableSummary: script(PUT_HALL_TABLE_SUMMARY, false),
  hallTableSummaries: script(HALL_TABLE_SUMMARIES, true),
  setProposalDeadline: script(SET_PROPOSAL_DEADLINE, false, 2),
  dropProposalDeadline: script(DROP_PROPOSAL_DEADLINE, false, 2),
  dueProposalDeadlines: script(DUE_PROPOSAL_DEADLINES, true, 2),
  seatDevices: script(SEAT_DEVICES, true),
  grantDevice: script(GRANT_DEVICE, false),
  revokeDevices: script(REVOKE_DEVICES, false),
  putSeatLink: script(PUT_SEAT_LINK, false),
  takeSeatLink: script(TAKE_SEAT_LINK, false),
  repointSeat: script(REPOINT_SEAT, false),
  addSubjectSignIn: script(ADD_SUBJECT_SIGN_IN, false, 1),
};
