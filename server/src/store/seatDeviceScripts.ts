/*
 * Seats' devices in Redis: Lua run inside the session scripts (KEYS as in `sessionKeys`; KEYS[3] is
 * the session's tokens hash). The tokens hash holds, beside `<tokenHash> → participantId` (what the
 * handshake reads with one HGET):
 *   `d:<participantId>`  JSON array of the seat's devices `{id, tokenHash, label, addedAt, via}`
 *   `l:<secretHash>`     JSON of an open seat link `{participantId, via, fromDevice, revokeOthers, expiresAt}`
 *   `k:<participantId>`  JSON array of the secret hashes of the seat's open links, oldest first
 *   `recorded`           '1' once every token of the session has a device record
 * All in one key, so records share the session's retention, deletion and hash slot for free.
 * Token hashes are sha256 in base64url (43 characters, no ':'), so they never look like any other field.
 */

/** Helpers every seat-device script starts with. */
export const SEAT_DEVICES_LIB = `
local function is_token(field) return #field == 43 and string.find(field, '[^%w_%-]') == nil end
local function record_of(pid)
  local json = redis.call('HGET', KEYS[3], 'd:' .. pid)
  if not json then return {} end
  return cjson.decode(json)
end
local function write_record(pid, record)
  if #record == 0 then redis.call('HDEL', KEYS[3], 'd:' .. pid)
  else redis.call('HSET', KEYS[3], 'd:' .. pid, cjson.encode(record)) end
end
local function earlier_device(hash)
  return {id = string.sub(hash, 1, 16), tokenHash = hash, label = '', addedAt = 0, via = 'earlier'}
end
-- Sessions stored before devices were recorded: each token without a record becomes a device 'earlier',
-- once per session (one pass over the hash), so later writes only ever read one seat's record.
local function migrate()
  if redis.call('HSETNX', KEYS[3], 'recorded', '1') == 0 then return end
  local fields = redis.call('HGETALL', KEYS[3])
  local records, recorded, changed = {}, {}, {}
  for i = 1, #fields, 2 do
    if string.sub(fields[i], 1, 2) == 'd:' then
      local record = cjson.decode(fields[i + 1])
      records[string.sub(fields[i], 3)] = record
      for _, d in ipairs(record) do recorded[d.tokenHash] = true end
    end
  end
  for i = 1, #fields, 2 do
    local field, pid = fields[i], fields[i + 1]
    if is_token(field) and not recorded[field] then
      records[pid] = records[pid] or {}
      table.insert(records[pid], earlier_device(field))
      changed[pid] = true
    end
  end
  for pid in pairs(changed) do write_record(pid, records[pid]) end
end
-- A seat's devices without writing (a session not yet migrated is read as migrating it would leave it).
local function read_devices(pid)
  local record = record_of(pid)
  if redis.call('HEXISTS', KEYS[3], 'recorded') == 1 then return record end
  local recorded = {}
  for _, d in ipairs(record) do recorded[d.tokenHash] = true end
  local fields = redis.call('HGETALL', KEYS[3])
  for i = 1, #fields, 2 do
    if fields[i + 1] == pid and is_token(fields[i]) and not recorded[fields[i]] then
      table.insert(record, earlier_device(fields[i]))
    end
  end
  return record
end
-- A token and its device record (a grant without a device is recorded as 'earlier').
local function add_device(hash, pid, device_json)
  redis.call('HSET', KEYS[3], hash, pid)
  local device = earlier_device(hash)
  if device_json ~= '' then
    device = cjson.decode(device_json)
    device.id, device.tokenHash = string.sub(hash, 1, 16), hash
  end
  local record, kept = record_of(pid), {}
  for _, d in ipairs(record) do if d.tokenHash ~= hash then table.insert(kept, d) end end
  table.insert(kept, device)
  write_record(pid, kept)
end
-- Every token of 'from' proves 'into' (and a sign-in bound to 'from' means 'into'); records and links follow.
local function repoint(from, into)
  if from == into then return end
  migrate()
  local fields = redis.call('HGETALL', KEYS[3])
  for i = 1, #fields, 2 do
    local field = fields[i]
    if fields[i + 1] == from and (is_token(field) or string.sub(field, 1, 2) == 's:') then
      redis.call('HSET', KEYS[3], field, into)
    end
  end
  local record = record_of(into)
  for _, d in ipairs(record_of(from)) do table.insert(record, d) end
  write_record(into, record)
  redis.call('HDEL', KEYS[3], 'd:' .. from)
  local links = cjson.decode(redis.call('HGET', KEYS[3], 'k:' .. from) or '[]')
  if #links == 0 then return end
  local intoLinks = cjson.decode(redis.call('HGET', KEYS[3], 'k:' .. into) or '[]')
  for _, h in ipairs(links) do
    local json = redis.call('HGET', KEYS[3], 'l:' .. h)
    if json then
      local link = cjson.decode(json)
      link.participantId = into
      redis.call('HSET', KEYS[3], 'l:' .. h, cjson.encode(link))
      table.insert(intoLinks, h)
    end
  end
  redis.call('HDEL', KEYS[3], 'k:' .. from)
  if #intoLinks > 0 then redis.call('HSET', KEYS[3], 'k:' .. into, cjson.encode(intoLinks)) end
end
-- A write outside a commit: the tokens hash (maybe created just now) lives exactly as long as the session.
local function keep_retention()
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[3], ttl) end
end
`;

/** ARGV: participantId. Reply: JSON array of the seat's devices ('{}' or '[]' for none). */
export const SEAT_DEVICES = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 0 then return '[]' end
return cjson.encode(read_devices(ARGV[1]))
`;

/**
 * ARGV: tokenHash, participantId, device JSON, cap, a token hash of another seat to replace ('' for
 * none), then device ids of the seat to revoke. Revocations and the cap are decided before anything
 * is written. Reply: {'missing'} | {'cap'} | {'ok', participantId, deviceId, ...revoked pairs}.
 */
export const GRANT_DEVICE = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'missing'} end
migrate()
local hash, pid, cap, replaced = ARGV[1], ARGV[2], tonumber(ARGV[4]), ARGV[5]
local revoke = {}
for i = 6, #ARGV do revoke[ARGV[i]] = true end
local replacedOwner = replaced ~= '' and replaced ~= hash and redis.call('HGET', KEYS[3], replaced) or false
local kept, gone = {}, {}
for _, d in ipairs(record_of(pid)) do
  if revoke[d.id] or (replacedOwner == pid and d.tokenHash == replaced) then table.insert(gone, d)
  elseif d.tokenHash ~= hash then table.insert(kept, d) end
end
if #kept + 1 > cap then return {'cap'} end
local reply = {'ok'}
for _, d in ipairs(gone) do
  redis.call('HDEL', KEYS[3], d.tokenHash)
  table.insert(reply, pid)
  table.insert(reply, d.id)
end
write_record(pid, kept)
if replacedOwner and replacedOwner ~= pid then
  redis.call('HDEL', KEYS[3], replaced)
  local others = {}
  for _, d in ipairs(record_of(replacedOwner)) do if d.tokenHash ~= replaced then table.insert(others, d) end end
  write_record(replacedOwner, others)
  table.insert(reply, replacedOwner)
  table.insert(reply, string.sub(replaced, 1, 16))
end
add_device(hash, pid, ARGV[3])
keep_retention()
return reply
`;

/** ARGV: participantId, then device ids. Reply: the ids removed (token and record together). */
export const REVOKE_DEVICES = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 0 then return {} end
migrate()
local pid, wanted = ARGV[1], {}
for i = 2, #ARGV do wanted[ARGV[i]] = true end
local kept, gone = {}, {}
for _, d in ipairs(record_of(pid)) do
  if wanted[d.id] then
    redis.call('HDEL', KEYS[3], d.tokenHash)
    table.insert(gone, d.id)
  else table.insert(kept, d) end
end
write_record(pid, kept)
keep_retention()
return gone
`;

/**
 * ARGV: secretHash, link JSON, participantId, max open links per seat, now. Drops the seat's expired
 * links and, past the bound, its oldest. Reply: 1, or 0 when there is no session.
 */
export const PUT_SEAT_LINK = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local hash, pid, maxOpen, now = ARGV[1], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local index = 'k:' .. pid
local open = {}
for _, h in ipairs(cjson.decode(redis.call('HGET', KEYS[3], index) or '[]')) do
  local json = redis.call('HGET', KEYS[3], 'l:' .. h)
  if json and tonumber(cjson.decode(json).expiresAt) > now then table.insert(open, h)
  else redis.call('HDEL', KEYS[3], 'l:' .. h) end
end
redis.call('HSET', KEYS[3], 'l:' .. hash, ARGV[2])
table.insert(open, hash)
while #open > maxOpen do
  redis.call('HDEL', KEYS[3], 'l:' .. table.remove(open, 1))
end
redis.call('HSET', KEYS[3], index, cjson.encode(open))
keep_retention()
return 1
`;

/** ARGV: secretHash, now. Takes the link out whatever it holds. Reply: its JSON, or nil when absent or expired. */
export const TAKE_SEAT_LINK = `
${SEAT_DEVICES_LIB}
local json = redis.call('HGET', KEYS[3], 'l:' .. ARGV[1])
if not json then return false end
redis.call('HDEL', KEYS[3], 'l:' .. ARGV[1])
local link = cjson.decode(json)
local index = 'k:' .. link.participantId
local open = {}
for _, h in ipairs(cjson.decode(redis.call('HGET', KEYS[3], index) or '[]')) do
  if h ~= ARGV[1] then table.insert(open, h) end
end
if #open == 0 then redis.call('HDEL', KEYS[3], index)
else redis.call('HSET', KEYS[3], index, cjson.encode(open)) end
if tonumber(link.expiresAt) <= tonumber(ARGV[2]) then return false end
return json
`;

/** ARGV: from, into. Reply: 1, or 0 when there is no session. */
export const REPOINT_SEAT = `
${SEAT_DEVICES_LIB}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
repoint(ARGV[1], ARGV[2])
keep_retention()
return 1
`;
