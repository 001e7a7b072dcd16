/**
 * What the Redis store sends to Redis: its Lua scripts (atomic across instances) and the binary form of
 * an entry (a length-prefixed JSON head, then the body as it is).
 */
import type { StoredEntry } from './types';

// The clock must still be the one `since` was read from: one that expired and restarted would make old
// marks look older than they are.
export const STORE_LUA = `
local p, hash, ttl, since = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
if tonumber(redis.call('GET', p .. 'seq') or '0') < since then return 0 end
for i = 6, #ARGV do
  local mark = redis.call('GET', p .. 'v:' .. ARGV[i])
  if mark and tonumber(mark) > since then return 0 end
end
redis.call('SET', p .. 'e:' .. hash, ARGV[5], 'PX', ttl)
for i = 6, #ARGV do
  local set = p .. 't:' .. ARGV[i]
  redis.call('SADD', set, hash)
  if redis.call('PTTL', set) < ttl then redis.call('PEXPIRE', set, ttl) end
end
return 1`;

// ARGV: prefix, markTtlMs, message, tags... The clock lives a day after the last purge, longer than any mark.
export const PURGE_LUA = `
local p = ARGV[1]
local seq = redis.call('INCR', p .. 'seq')
redis.call('PEXPIRE', p .. 'seq', 86400000)
local removed = 0
for i = 4, #ARGV do
  local set = p .. 't:' .. ARGV[i]
  for _, hash in ipairs(redis.call('SMEMBERS', set)) do
    removed = removed + redis.call('DEL', p .. 'e:' .. hash)
  end
  redis.call('DEL', set)
  redis.call('SET', p .. 'v:' .. ARGV[i], seq, 'PX', tonumber(ARGV[2]))
end
redis.call('PUBLISH', p .. 'events', ARGV[3])
return removed`;

// ARGV: prefix, hash, token
export const RELEASE_LUA = `
local lock = ARGV[1] .. 'l:' .. ARGV[2]
if redis.call('GET', lock) == ARGV[3] then redis.call('DEL', lock) end
redis.call('PUBLISH', ARGV[1] .. 'events', '{"done":"' .. ARGV[2] .. '"}')
return 1`;

export type Message = { purge?: string[]; done?: string };

export function encodeEntry(entry: StoredEntry): Buffer {
  const meta = Buffer.from(
    JSON.stringify({ k: entry.key, s: entry.status, h: entry.headers, t: entry.tags, a: entry.storedAt })
  );
  const length = Buffer.alloc(4);
  length.writeUInt32BE(meta.length);
  return Buffer.concat([length, meta, entry.body]);
}

export function decodeEntry(value: Buffer): StoredEntry {
  const length = value.readUInt32BE(0);
  const meta = JSON.parse(value.subarray(4, 4 + length).toString('utf8')) as {
    k: string;
    s: number;
    h: Record<string, string>;
    t: string[];
    a: number;
  };
  return {
    key: meta.k,
    status: meta.s,
    headers: meta.h,
    tags: meta.t,
    storedAt: meta.a,
    body: value.subarray(4 + length),
  };
}
