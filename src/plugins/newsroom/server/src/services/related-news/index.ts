/**
 * "Berita Terkait" (related news), one registry key composed of its phases. On every publish, unpublish
 * or delete the article is (re)indexed by a durable job (indexer.ts, queued by queue.ts): its strongest
 * terms, tags and category go to a features row and an inverted index, so that computing a list looks
 * at a few hundred candidates instead of the archive. Lists are stored per documentId and locale and
 * served by read.ts; rebuild.ts redoes everything in batches, reconcile.ts catches what a crash lost.
 */
import type { Core } from '@strapi/strapi';
import { relatedIndexer } from './indexer';
import { relatedQueue } from './queue';
import { relatedReader } from './read';
import { relatedRebuild } from './rebuild';
import { relatedReconcile } from './reconcile';
import { relatedStore } from './store';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = relatedStore(strapi);
  const indexer = relatedIndexer(store);
  const queue = relatedQueue(strapi, store, indexer);
  return {
    ...indexer,
    ...queue,
    ...relatedReader(strapi, store, indexer, queue),
    ...relatedReconcile(strapi, store, queue),
    ...relatedRebuild(store),
  };
};
