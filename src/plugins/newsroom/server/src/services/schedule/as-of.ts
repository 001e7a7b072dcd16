/**
 * The instant a publish stands for. A scheduled publish run late (the catch-up after every instance was
 * down) must read to readers as published at its scheduled time, not at the catch-up: the scheduler
 * runs the publish "as of" that time, and the article-publication middleware stamps datePublished and
 * dateModified with it. Async-local, so nothing a request or another job does can set or see it.
 */
import { AsyncLocalStorage } from 'async_hooks';

const asOf = new AsyncLocalStorage<Date>();

export const publishingAsOf = <R>(instant: Date, work: () => Promise<R>): Promise<R> => asOf.run(instant, work);

/** The scheduled time inside a scheduled run, else now. */
export const publicationInstant = (): Date => asOf.getStore() ?? new Date();
