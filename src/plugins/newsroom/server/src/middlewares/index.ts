/**
 * The document service pipeline. Every Document Service call (admin panel, REST, GraphQL, scripts,
 * seeds, imports) passes through these, outermost first; each checks its own uid and action and
 * otherwise calls `next()` untouched. Read this list to know what happens on a read or a publish.
 */
import type { Core, Modules } from '@strapi/strapi';
import articlePublication from './article-publication';
import publicReads from './public-reads';
import relatedNews from './related-news';
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
    name: 'related-news',
    actsOn: 'article publish, unpublish, delete, discardDraft, and create/update with status published',
    guarantees:
      '"Berita Terkait" is re-indexed after commit, never inside the editor\'s transaction or on the request path',
    factory: relatedNews,
  },
  {
    name: 'whatsapp-override',
    actsOn: 'article and category create/update',
    guarantees:
      'a WhatsApp override holds only channel links, known placeholders and sane lengths, or nothing is written',
    factory: whatsappOverride,
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
