/**
 * The posts of an import, written several at a time on PostgreSQL and MariaDB (one at a time on SQLite,
 * which has one connection). On a server database most of a post's time is round trips, so a few
 * transactions in flight keep both the server and this process busy. Two posts that could touch the same
 * rows never run together: the same slug or title (the slug each would take, their redirects) or the
 * same featured image (its MediaCaption). The report reads as if the posts were written in file order:
 * each post's list entries are kept aside and appended in that order.
 */
import type { WxrItem } from '../../utils/wordpress/wxr';
import type { ImportReport } from './report';
import { writePost, type PostContext } from './posts';

/** The report's lists, which a post appends to (its counts are sums: shared as they are). */
const LISTS = ['skipped', 'unmapped', 'notes', 'mediaFailures', 'errors'] as const;
type Lists = Pick<ImportReport, (typeof LISTS)[number]>;

const emptyLists = (): Lists => ({ skipped: [], unmapped: [], notes: [], mediaFailures: [], errors: [] });

/** What two posts written at once must not share. */
function keysOf(item: WxrItem): string[] {
  const keys = [`title:${item.title.trim().toLowerCase()}`];
  if (item.slug) keys.push(`slug:${item.slug.toLowerCase()}`);
  if (item.meta._thumbnail_id) keys.push(`cover:${item.meta._thumbnail_id}`);
  return keys;
}

export function postPool(
  ctx: PostContext,
  concurrency: number,
  onFailure: (report: ImportReport, item: WxrItem, error: unknown) => void
) {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  /** Posts in file order, until every post before them has finished. */
  const waiting: { lists: Lists; done: boolean }[] = [];

  const flush = () => {
    while (waiting.length && waiting[0].done) {
      const { lists } = waiting.shift()!;
      for (const name of LISTS) (ctx.report[name] as unknown[]).push(...lists[name]);
    }
  };

  return {
    /** Starts `item` as soon as a slot is free and nothing it shares is being written; resolves when it has started. */
    async add(item: WxrItem): Promise<void> {
      const keys = keysOf(item);
      while (running.size >= concurrency || keys.some((key) => busy.has(key))) await Promise.race(running);
      const entry = { lists: emptyLists(), done: false };
      waiting.push(entry);
      const report = { ...ctx.report, ...entry.lists };
      for (const key of keys) busy.add(key);
      const work: Promise<void> = writePost({ ...ctx, report }, item)
        .catch((error) => onFailure(report, item, error))
        .finally(() => {
          for (const key of keys) busy.delete(key);
          entry.done = true;
          running.delete(work);
          flush();
        });
      running.add(work);
    },
    /** An item the source could not give (a problem record), reported in its place among the posts. */
    problem(error: Lists['errors'][number]) {
      const lists = emptyLists();
      lists.errors.push(error);
      waiting.push({ lists, done: true });
      flush();
    },
    /** Waits for every post started. */
    async drain(): Promise<void> {
      while (running.size) await Promise.race(running);
      flush();
    },
  };
}
