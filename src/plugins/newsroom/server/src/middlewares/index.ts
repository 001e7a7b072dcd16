/**
 * The document service pipeline. Every Document Service call (admin panel, REST, GraphQL, scripts,
 * seeds, imports) passes through these, outermost first; each checks its own uid and action and
 * otherwise calls `next()` untouched. Read this list to know what happens on a read or a publish.
 */
import type { Core, Modules } from '@strapi/strapi';
import articlePublication from './article-publication';
import cachePurge from './cache-purge';
import articleSchedule from './article-schedule';
import editorialFields from './editorial-fields';
import editLocks from './edit-locks';
import editorialWorkflow from './editorial-workflow';
import publicReads from './public-reads';
import relatedNews from './related-news';
import revisions from './revisions';
import slugRedirects from './slug-redirects';
import slugs from './slugs';
import whatsappOverride from './whatsapp-override';

type MiddlewareFactory = (strapi: Core.Strapi) => Modules.Documents.Middleware.Middleware;
type PipelineStep = { name: string; actsOn: string; guarantees: string; factory: MiddlewareFactory };

export const DOCUMENT_PIPELINE: PipelineStep[] = [
  {
    name: 'public-reads',
    actsOn: 'findMany, findOne, findFirst, count of every type, when the request is a content-API one',
    guarantees:
      'published rows only for non-editors, also through relations; sound parameters or a 400; no search of private fields',
    factory: publicReads,
  },
  {
    // Outermost of the writes: it acts once everything below it has committed.
    name: 'cache-purge',
    actsOn:
      'create, update, delete of every api:: type; for draft & publish types only publish, unpublish, delete and writes with status published',
    guarantees:
      'every cached response that showed the document, or could show it now, is gone on every instance before the writer gets its answer',
    factory: cachePurge,
  },
  {
    // After commit too, like the cache purge above it.
    name: 'related-news',
    actsOn: 'article publish, unpublish, delete, discardDraft, and create/update with status published',
    guarantees:
      '"Berita Terkait" is re-indexed after commit, never inside the editor\'s transaction or on the request path',
    factory: relatedNews,
  },
  {
    // Outermost of the article's own write rules: it opens the transaction the ones below write in.
    name: 'revisions',
    actsOn: 'article create, update, publish, unpublish, discardDraft, delete, from every path',
    guarantees:
      'each article locale a write touched has a revision of its content (who, which action) committed with the write',
    factory: revisions,
  },
  {
    name: 'edit-locks',
    actsOn: 'article update, publish, unpublish, discardDraft, delete',
    guarantees:
      "an admin cannot write over another editor's live edit lock (409); API and system writes pass and the holder is told",
    factory: editLocks,
  },
  {
    // Before article-publication, whose save-then-publish re-enters the pipeline: the publish is checked here too.
    name: 'editorial-workflow',
    actsOn: 'article create, update (its editorialStage), publish, unpublish, discardDraft, delete',
    guarantees:
      'stages move only along transitions the role may take, publish only from the approval stage for roles that need it, each step in the activity log',
    factory: editorialWorkflow,
  },
  {
    // Around the publish, so it sees the published slug before and after.
    name: 'slug-redirects',
    actsOn: 'article publish',
    guarantees: "a published article's old reader URL answers 301 to it once its slug changes",
    factory: slugRedirects,
  },
  {
    name: 'whatsapp-override',
    actsOn: 'article and category create/update',
    guarantees:
      'a WhatsApp override holds only channel links, known placeholders and sane lengths, or nothing is written',
    factory: whatsappOverride,
  },
  {
    name: 'article-schedule',
    actsOn: 'article update, create with a schedule field; article publish, unpublish, delete, discardDraft',
    guarantees:
      'a sound schedule (future, unpublish after publish, publish not before the embargo) or a 400 with nothing written; no publish of a locale under embargo, whoever asks; the publish/unpublish jobs match the drafts, in the same transaction',
    factory: articleSchedule,
  },
  {
    name: 'editorial-fields',
    actsOn: 'article and category create/update; article publish',
    guarantees:
      'notices, sponsor fields and ad slots are sound (Hak Jawab links resolve to a published article of the locale) or nothing is written; a new Ralat/Koreksi moves dateModified; a publish lifts a takedown',
    factory: editorialFields,
  },
  {
    name: 'slugs',
    actsOn: 'create/update of every api:: type with a uid field',
    guarantees: 'a missing slug is made from its source field as the admin makes it, unique within the locale',
    factory: slugs,
  },
  {
    name: 'article-publication',
    actsOn: 'article publish, and create/update with status published (turned into a save and a real publish)',
    guarantees:
      'a category before going live, sound related choices, datePublished stamped once, dateModified on re-publish',
    factory: articlePublication,
  },
];

export function registerDocumentPipeline(strapi: Core.Strapi): void {
  for (const step of DOCUMENT_PIPELINE) strapi.documents.use(step.factory(strapi));
}
