/** What the response cache keeps and the two stores it keeps it in (memory-store.ts, redis-store.ts). */

/** One cached response: enough to answer a request without running anything after the cache. */
export type StoredEntry = {
  /** The readable key (method, path, query, origin); stores index by its hash. */
  key: string;
  status: number;
  /** Lower-case names; what the response had when computed, Strapi's security headers included. */
  headers: Record<string, string>;
  body: Buffer;
  tags: string[];
  storedAt: number;
};

/** A lookup: the entry, if any, and the purge clock at that moment, to tell at store time whether a purge came in between. */
export type Lookup = { entry: StoredEntry | null; since: number };

export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** False while the store cannot answer (Redis down): requests are then served uncached. */
  available(): boolean;
  lookup(hash: string): Promise<Lookup>;
  /** Stores unless a purge of one of the entry's tags happened after `since`; true when stored. */
  put(hash: string, entry: StoredEntry, ttlMs: number, since: number): Promise<boolean>;
  /** Removes every entry tagged with one of `tags`, on every instance. */
  purge(tags: string[]): Promise<void>;
  /** Cross-instance request coalescing (Redis): one instance computes a cold key, the others wait for it. */
  claim?(hash: string): Promise<string | null>;
  release?(hash: string, token: string): Promise<void>;
  waitForOther?(hash: string, timeoutMs: number): Promise<void>;
  /** Entries and bytes held, for tests and operators. */
  stats(): Promise<{ entries: number; bytes: number | null }>;
}
