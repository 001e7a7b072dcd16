import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { GraphQLResolveInfo } from 'graphql';
// Types only: the `nexus` instance is the one Strapi's GraphQL plugin hands the extension (its dependency).
import type * as Nexus from 'nexus';
import { ARTICLE_UID, RELATED_DEFAULT_LIMIT, NEWEST_FIRST } from '../constants';
import { formatCreditLine } from '../utils/format/credit-line';
import { unknownLocaleMessage, validateRelatedLimit } from '../validation';
import type { ArticleNewsroomFields } from '../services/article-fields';
import type { ResolvedWhatsappFollow } from '../utils/whatsapp/follow';
import { getService } from '../get-service';

/** The context Strapi's GraphQL plugin gives every resolver: the Koa state (auth, and our loaders) and the Koa context. */
type GraphQLContext = { state?: Record<string, unknown> & { auth?: unknown }; koaContext?: unknown };
type ListArgs = { sort?: unknown; [arg: string]: unknown };
type Resolve = (
  parent: unknown,
  args: ListArgs | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo
) => unknown;
/** What the Article fields below read of the article row they extend. */
type ArticleParent = { id: number; documentId: string; locale: string };
type MediaCaptionParent = { creditLabel?: string | null; credit?: string | null; locale?: string | null };

// The generated `sort` argument defaults to an empty list.
const isUnsorted = (sort: unknown) => sort === undefined || sort === null || (Array.isArray(sort) && sort.length === 0);

/** Same default order as REST: newest news first, unless the query sorts. */
const newestFirst = (
  resolve: Resolve,
  parent: unknown,
  args: ListArgs | undefined,
  context: GraphQLContext,
  info: GraphQLResolveInfo
) => resolve(parent, isUnsorted(args?.sort) ? { ...args, sort: [...NEWEST_FIRST] } : args, context, info);

const DRAFT_GUARD = { policies: ['plugin::newsroom.drafts-need-editor'] };
const ARTICLE_LIST = { ...DRAFT_GUARD, middlewares: [newestFirst] };

/**
 * One batch per GraphQL request and loader: the computed fields of every Article in the response are
 * loaded together on the next tick, so a list of 25 costs the same few queries as a single article.
 */
function batchLoader<T>(context: GraphQLContext, key: string, loadMany: (ids: number[]) => Promise<Map<number, T>>) {
  const state = (context.state ??= {});
  if (!state[key]) {
    let pending: { id: number; resolve: (value: T | null) => void; reject: (error: unknown) => void }[] = [];
    state[key] = (id: number) =>
      new Promise<T | null>((resolve, reject) => {
        pending.push({ id, resolve, reject });
        if (pending.length > 1) return;
        process.nextTick(async () => {
          const batch = pending;
          pending = [];
          try {
            const values = await loadMany(batch.map((item) => item.id));
            for (const item of batch) item.resolve(values.get(item.id) ?? null);
          } catch (error) {
            for (const item of batch) item.reject(error);
          }
        });
      });
  }
  return state[key] as (id: number) => Promise<T | null>;
}

type ComputedArticle = { newsroom: ArticleNewsroomFields | null; whatsappFollow: ResolvedWhatsappFollow | null };

/** The computed fields and the WhatsApp block of every Article in the response: one batch for both. */
const computedLoader = (strapi: Core.Strapi, context: GraphQLContext) =>
  batchLoader<ComputedArticle>(context, 'newsroomComputedLoader', async (ids) => {
    const { fields, whatsapp } = await getService('article-fields', strapi).computed(ids);
    return new Map(
      ids.map((id) => [id, { newsroom: fields.get(id) ?? null, whatsappFollow: whatsapp.get(id) ?? null }])
    );
  });

/** GraphQL gets what REST gets: credit lines, the newsroom's computed article fields, drafts closed to the public. */
export function extendGraphQL(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;

  const computed =
    <K extends keyof ArticleNewsroomFields>(key: K) =>
    async (parent: ArticleParent, _args: unknown, context: GraphQLContext) =>
      (await computedLoader(strapi, context)(parent.id))?.newsroom?.[key] ?? null;

  extension.use(({ nexus }: { nexus: typeof Nexus }) => ({
    types: [
      nexus.objectType({
        name: 'NewsroomLocalDate',
        description: 'An instant as an Indonesian newsroom prints it, in the article zone (WIB, WITA or WIT).',
        definition(t) {
          t.nonNull.string('date', { description: 'Jumat, 27 Oktober 2023' });
          t.nonNull.string('time', { description: '17:33' });
          t.nonNull.string('zone', { description: 'WIB, WITA or WIT' });
          t.nonNull.string('dateTime', { description: 'Jumat, 27 Oktober 2023 | 17:33 WIB' });
          t.nonNull.string('dateInText', { description: 'Jumat (27/10/2023)' });
          t.nonNull.string('relative', { description: '2 jam yang lalu' });
          t.nonNull.string('iso', { description: '2023-10-27T17:33:00+07:00' });
          t.string('label', { description: 'Diperbarui Jumat, 27 Oktober 2023 | 18:00 WIB (updates only)' });
        },
      }),
      nexus.objectType({
        name: 'NewsroomWhatsappFollow',
        description: 'The resolved "Ikuti Saluran WhatsApp" block of an article.',
        definition(t) {
          t.nonNull.string('url');
          t.nonNull.string('channelName');
          t.nonNull.string('headline', {
            description: 'Ikuti Saluran WhatsApp Okezone untuk update berita terbaru setiap hari',
          });
          t.nonNull.string('buttonLabel');
          t.nonNull.string('placement', { description: 'end or after-paragraph' });
          t.int('afterParagraph');
        },
      }),
      nexus.extendType({
        type: 'Article',
        definition(t) {
          t.string('byline', {
            description: 'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB',
            resolve: computed('byline'),
          });
          t.field('publishedAtLocal', { type: 'NewsroomLocalDate', resolve: computed('publishedAtLocal') });
          t.field('updatedAtLocal', { type: 'NewsroomLocalDate', resolve: computed('updatedAtLocal') });
          t.int('readingTimeMinutes', { resolve: computed('readingTimeMinutes') });
          t.string('readingTimeLabel', { description: '3 menit baca', resolve: computed('readingTimeLabel') });
          t.string('coverCreditLine', { description: '(Foto: Reuters)', resolve: computed('coverCreditLine') });
          t.list.field('related', {
            type: 'Article',
            description: 'Berita Terkait: published articles of the same locale, best first.',
            args: { limit: nexus.intArg({ default: RELATED_DEFAULT_LIMIT }) },
            resolve: async (parent: ArticleParent, args: { limit?: number }) => {
              // The REST route's limit schema: the same bounds and the same message.
              const limit = validateRelatedLimit(args.limit ?? RELATED_DEFAULT_LIMIT);
              const result = await getService('related-news', strapi).find(parent.documentId, parent.locale, limit, {
                cards: false,
              });
              return result?.articles ?? [];
            },
          });
          t.field('whatsappFollow', {
            type: 'NewsroomWhatsappFollow',
            description: 'null where the block is off for this article',
            resolve: async (parent: ArticleParent, _args: unknown, context: GraphQLContext) =>
              (await computedLoader(strapi, context)(parent.id))?.whatsappFollow ?? null,
          });
        },
      }),
      nexus.objectType({
        name: 'ArticlePageAlternate',
        description: 'A published translation of the article: its locale, slug and reader URL.',
        definition(t) {
          t.nonNull.string('locale');
          t.nonNull.string('slug');
          t.nonNull.string('title');
          t.nonNull.string('url');
        },
      }),
      nexus.objectType({
        name: 'ArticlePage',
        description: 'Everything an article page needs, the same as REST GET /api/articles/by-slug/:slug.',
        definition(t) {
          t.nonNull.string('documentId');
          t.nonNull.string('locale');
          t.nonNull.string('slug');
          t.nonNull.string('title');
          t.nonNull.string('url', { description: 'Canonical URL on the reader site' });
          t.nonNull.list.nonNull.field('alternates', { type: 'ArticlePageAlternate' });
          t.nonNull.field('jsonLd', {
            type: 'JSON',
            description: 'schema.org NewsArticle, ready for <script type="application/ld+json">',
          });
          t.nonNull.field('notices', {
            type: 'JSON',
            description:
              'Ralat, Koreksi, Hak Jawab, Klarifikasi, belum terverifikasi: what the page shows, oldest first',
          });
          t.nonNull.field('inserts', {
            type: 'JSON',
            description:
              'Baca Juga, ad slots and the WhatsApp block at their positions: { type, position, afterBlock?, afterParagraph?, ... }',
          });
          t.field('sponsored', { type: 'JSON', description: 'Label and sponsor of sponsored content; null otherwise' });
          t.nonNull.field('data', {
            type: 'JSON',
            description: 'The whole page payload, exactly as REST returns it in `data`',
          });
        },
      }),
      nexus.objectType({
        name: 'ArticleWithdrawal',
        description: 'A story withdrawn by the newsroom ("Dicabut"): what its 410 page shows, never the body.',
        definition(t) {
          t.nonNull.string('title');
          t.nonNull.string('reason');
          t.nonNull.string('withdrawnAt', { description: 'ISO 8601' });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.field('articleBySlug', {
            type: 'ArticlePage',
            description: 'The published article page of a slug in a locale (default id), or null.',
            args: { slug: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
            resolve: async (
              _parent: unknown,
              args: { slug: string; locale?: string | null },
              context: GraphQLContext
            ) => {
              const pages = getService('article-page', strapi);
              const locale = args.locale ?? (await getService('locales', strapi).defaultCode());
              const page = await pages.bySlug(args.slug, locale, { auth: context?.state?.auth });
              // Whether the locale exists is asked only when nothing is found: a page served costs no lookup.
              if (!page && !(await getService('locales', strapi).isKnown(locale)))
                throw new errors.ValidationError(unknownLocaleMessage(locale));
              return page
                ? {
                    documentId: page.documentId,
                    locale: page.locale,
                    slug: page.slug,
                    title: page.title,
                    url: page.url,
                    alternates: page.alternates,
                    jsonLd: page.jsonLd,
                    notices: page.notices,
                    inserts: page.inserts,
                    sponsored: page.sponsored,
                    data: page,
                  }
                : null;
            },
          });
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.field('articleWithdrawal', {
            type: 'ArticleWithdrawal',
            description: 'The takedown at a slug of a locale, when articleBySlug is null because it was withdrawn.',
            args: { slug: nexus.nonNull(nexus.stringArg()), locale: nexus.stringArg() },
            resolve: async (_parent: unknown, args: { slug: string; locale?: string | null }) => {
              const locale = args.locale ?? (await getService('locales', strapi).defaultCode());
              const takedown = await getService('takedowns', strapi).ofSlug(args.slug, locale);
              return takedown
                ? { title: takedown.title, reason: takedown.reason, withdrawnAt: takedown.withdrawnAt }
                : null;
            },
          });
        },
      }),
      nexus.extendType({
        type: 'MediaCaption',
        definition(t) {
          t.string('creditLine', {
            description: 'Ready-to-print credit, e.g. "(Foto: Reuters)" or "(Photo: Reuters)" in English.',
            resolve: (parent: MediaCaptionParent) => formatCreditLine(parent.creditLabel, parent.credit, parent.locale),
          });
        },
      }),
    ],
    resolversConfig: {
      // Governed like REST by-slug: whoever may findOne an article.
      'Query.articleBySlug': { auth: { scope: [`${ARTICLE_UID}.findOne`] } },
      'Query.articleWithdrawal': { auth: { scope: [`${ARTICLE_UID}.findOne`] } },
      'Query.articles': ARTICLE_LIST,
      'Query.articles_connection': ARTICLE_LIST,
      'Query.article': DRAFT_GUARD,
      // Computed from public fields of the article the caller could already read.
      'MediaCaption.creditLine': { auth: false },
      'Article.byline': { auth: false },
      'Article.publishedAtLocal': { auth: false },
      'Article.updatedAtLocal': { auth: false },
      'Article.readingTimeMinutes': { auth: false },
      'Article.readingTimeLabel': { auth: false },
      'Article.coverCreditLine': { auth: false },
      'Article.whatsappFollow': { auth: false },
      // Readable with the article itself; the service returns published, same-locale articles only.
      'Article.related': { auth: false },
    },
  }));
}
