import type { Core } from '@strapi/strapi';
import {
  AD_SLOTS_FIELD,
  ARTICLE_UID,
  AUTHOR_UID,
  CATEGORY_UID,
  MEDIA_CAPTION_UID,
  RELATED_TABLES,
  WHATSAPP_OVERRIDE_COMPONENT,
  WHATSAPP_OVERRIDE_FIELD,
} from '../constants';
import { getService } from '../get-service';
import { listTag } from '../utils/cache/tags';
import { firstPerId, groupBy, isoValue, jsonValue, nested, type RawRow } from '../utils/content/rows';
import { perRequest } from '../utils/http/per-request';
import type { Override } from '../utils/whatsapp/follow';
import type { StoredListRow } from './related-news/store';

/** Strapi's query builder (knex). */
type Knex = Core.Strapi['db']['connection'];
type Query = ReturnType<Knex>;
/** What these reads need of Strapi's model metadata: table, column and link-table names. */
type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  on?: Record<string, string>;
  orderColumnName?: string;
};
type Model = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };

/** An article row with what the computed fields and the WhatsApp block read of its relations. */
export type ArticleRow = {
  id: number;
  locale: string;
  timezone: string | null;
  datePublished: string | null;
  dateModified: string | null;
  /** Changes with every write of the row: what a computation from the row's own columns may be kept by. */
  updatedAt: string | null;
  title: string | null;
  lead: string | null;
  body: unknown;
  category: { id: number } | null;
  cover: { id: number; credit: string | null; creditLabel: string | null } | null;
  [WHATSAPP_OVERRIDE_FIELD]: Override | null;
};
export type BylineAuthor = { name: string; role: string | null };
/** What the joins read beyond the rows they hand back: the documents they show, for the response cache. */
type Shown = { documentId?: unknown; coverDocumentId?: unknown };
/** A category of a locale's tree, with its parent's id and its WhatsApp override. */
export type CategoryRow = {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  description: string | null;
  parent: { id: number } | null;
  [WHATSAPP_OVERRIDE_FIELD]: Override | null;
  /** The desk's own ad slots (issue 16), inherited by subcategories; null inherits. */
  [AD_SLOTS_FIELD]?: unknown;
};
/** A row (a locale, published or draft) of one article document. */
export type DocumentRow = {
  id: number;
  locale: string;
  slug: string | null;
  title: string | null;
  publishedAt: string | null;
  [WHATSAPP_OVERRIDE_FIELD]: Override | null;
  /** The row's stored "Berita Terkait" list, null when none is stored yet. */
  relatedList: StoredListRow | null;
};

const OVERRIDE = 'override__';
const COVER = 'cover__';

/**
 * The rows Warta's read path computes from, each in one SQL statement however many articles and however
 * rich they are. Strapi's query engine spends a statement per relation it populates (an article's
 * category, cover, override and authors were four, a category tree with its parents and overrides
 * three): these are joins instead, built from Strapi's own metadata (table, column and link names) and
 * handed back in the shapes the query engine returns. Reads only, published or not as the caller asks:
 * every caller passes ids or a document it already read under the public rules.
 *
 * Raw knex is invisible to the response cache's collector (it listens to the query engine), so each read
 * here tags the documents its rows show itself: editing an author's name, a caption's credit, a category's
 * override or the article then purges every cached response that printed them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection;
  const depend = (tags: Iterable<unknown>, coarse?: string): void =>
    getService('response-cache', strapi).depend(
      [...tags].filter((tag): tag is string => typeof tag === 'string' && tag !== ''),
      coarse
    );
  const model = (uid: string): Model => strapi.db.metadata.get(uid) as unknown as Model;
  const column = (of: Model, name: string): string => of.attributes[name]?.columnName ?? name;
  const link = (of: Model, name: string): JoinTable => {
    const joinTable = of.attributes[name]?.joinTable;
    if (!joinTable) throw new Error(`content-rows: ${name} has no link table`);
    return joinTable;
  };
  /** `{ [prefix + name]: 'alias.column' }`: knex selects each column under the attribute's name. */
  const columns = (alias: string, of: Model, names: readonly string[], prefix = '') =>
    Object.fromEntries(names.map((name) => [`${prefix}${name}`, `${alias}.${column(of, name)}`]));
  // The component's attributes never change once Strapi has loaded: listed once, not per row.
  let componentNames: string[] | undefined;
  const overrideNames = (): string[] =>
    (componentNames ??= Object.entries(model(WHATSAPP_OVERRIDE_COMPONENT).attributes)
      .filter(([, attribute]) => attribute.columnName)
      .map(([name]) => name));

  /** LEFT JOINs the owner's WhatsApp override component (`<alias>_o`), as Strapi's populate links it. */
  const withOverride = (query: Query, owner: Model, alias: string): Query => {
    const components = link(owner, WHATSAPP_OVERRIDE_FIELD);
    return query
      .leftJoin({ [`${alias}_oc`]: components.name }, (join) => {
        join.on(`${alias}_oc.${components.joinColumn.name}`, '=', `${alias}.id`);
        for (const [name, value] of Object.entries(components.on ?? {})) join.andOnVal(`${alias}_oc.${name}`, value);
      })
      .leftJoin(
        { [`${alias}_o`]: model(WHATSAPP_OVERRIDE_COMPONENT).tableName },
        `${alias}_o.id`,
        `${alias}_oc.${components.inverseJoinColumn.name}`
      );
  };
  const overrideColumns = (alias: string) =>
    columns(`${alias}_o`, model(WHATSAPP_OVERRIDE_COMPONENT), overrideNames(), OVERRIDE);
  const overrideOf = (row: RawRow): Override | null => nested<Override>(row, OVERRIDE, overrideNames());

  const readCategoryTree = async (locale: string): Promise<CategoryRow[]> => {
    const category = model(CATEGORY_UID);
    const parent = link(category, 'parent');
    const rows: RawRow[] = await withOverride(knex()({ c: category.tableName }), category, 'c')
      .leftJoin({ p: parent.name }, `p.${parent.joinColumn.name}`, 'c.id')
      .select({
        ...columns('c', category, ['id', 'documentId', 'name', 'slug', 'description', AD_SLOTS_FIELD]),
        parentId: `p.${parent.inverseJoinColumn.name}`,
        ...overrideColumns('c'),
      })
      .where(`c.${column(category, 'locale')}`, locale)
      .orderBy('c.id');
    // An open read of the locale's categories: a new or moved category changes the tree as well.
    depend([listTag('category', locale)]);
    depend(
      rows.map((row) => row.documentId),
      listTag('category', locale)
    );
    return firstPerId(
      rows.map((row) => ({
        id: Number(row.id),
        documentId: row.documentId as string,
        name: row.name as string,
        slug: row.slug as string,
        description: (row.description as string | null) ?? null,
        parent: row.parentId === null || row.parentId === undefined ? null : { id: Number(row.parentId) },
        [WHATSAPP_OVERRIDE_FIELD]: overrideOf(row),
        [AD_SLOTS_FIELD]: jsonValue(row[AD_SLOTS_FIELD]),
      }))
    );
  };

  return {
    /** One row per article: its own columns, its category's id, its cover's credit and its WhatsApp override. */
    async articles(ids: number[]): Promise<ArticleRow[]> {
      if (ids.length === 0) return [];
      const article = model(ARTICLE_UID);
      const category = link(article, 'category');
      const cover = link(article, 'cover');
      const caption = model(MEDIA_CAPTION_UID);
      const own = ['id', 'locale', 'timezone', 'datePublished', 'dateModified', 'updatedAt', 'title', 'lead', 'body'];
      const rows: RawRow[] = await withOverride(knex()({ a: article.tableName }), article, 'a')
        .leftJoin({ c: category.name }, `c.${category.joinColumn.name}`, 'a.id')
        .leftJoin({ l: cover.name }, `l.${cover.joinColumn.name}`, 'a.id')
        .leftJoin({ m: caption.tableName }, 'm.id', `l.${cover.inverseJoinColumn.name}`)
        .select({
          ...columns('a', article, own),
          documentId: `a.${column(article, 'documentId')}`,
          coverDocumentId: `m.${column(caption, 'documentId')}`,
          categoryId: `c.${category.inverseJoinColumn.name}`,
          ...columns('m', caption, ['id', 'credit', 'creditLabel'], COVER),
          ...overrideColumns('a'),
        })
        .whereIn('a.id', ids)
        .orderBy('a.id');
      depend(
        rows.map((row: RawRow & Shown) => row.documentId),
        listTag('article')
      );
      depend(
        rows.map((row: RawRow & Shown) => row.coverDocumentId),
        listTag('media-caption')
      );
      return firstPerId(
        rows.map((row) => ({
          id: Number(row.id),
          locale: row.locale as string,
          timezone: (row.timezone as string | null) ?? null,
          datePublished: isoValue(row.datePublished),
          dateModified: isoValue(row.dateModified),
          updatedAt: isoValue(row.updatedAt),
          title: (row.title as string | null) ?? null,
          lead: (row.lead as string | null) ?? null,
          body: jsonValue(row.body),
          category: row.categoryId === null || row.categoryId === undefined ? null : { id: Number(row.categoryId) },
          cover: nested<ArticleRow['cover'] & object>(row, COVER, ['id', 'credit', 'creditLabel']),
          [WHATSAPP_OVERRIDE_FIELD]: overrideOf(row),
        }))
      );
    },

    /** The authors of each article, in the order the editor gave them (the byline's order). */
    async authors(ids: number[]): Promise<Map<number, BylineAuthor[]>> {
      if (ids.length === 0) return new Map();
      const authors = link(model(ARTICLE_UID), 'authors');
      const author = model(AUTHOR_UID);
      const articleColumn = `l.${authors.joinColumn.name}`;
      const rows: RawRow[] = await knex()({ l: authors.name })
        .join({ p: author.tableName }, 'p.id', `l.${authors.inverseJoinColumn.name}`)
        .select({ articleId: articleColumn, ...columns('p', author, ['documentId', 'name', 'role']) })
        .whereIn(articleColumn, ids)
        .orderBy([articleColumn, `l.${authors.orderColumnName ?? 'id'}`, 'l.id']);
      depend(
        rows.map((row) => row.documentId),
        listTag('author')
      );
      const byArticle = groupBy(rows, (row) => Number(row.articleId));
      return new Map(
        [...byArticle].map(([id, group]) => [
          id,
          group.map((row) => ({ name: row.name as string, role: (row.role as string | null) ?? null })),
        ])
      );
    },

    /**
     * A locale's category tree with each category's parent and WhatsApp override, read once per request
     * (the page's breadcrumbs and its WhatsApp block walk the same tree).
     */
    categoryTree(locale: string): Promise<CategoryRow[]> {
      return perRequest(strapi.requestContext.get(), `category-tree:${locale}`, () => readCategoryTree(locale));
    },

    /**
     * The published rows of an article document (its translations, for hreflang) and the row `id` whatever
     * its state (a preview's draft), each with its WhatsApp override and its stored "Berita Terkait" list:
     * what the article page needs beyond the article itself, in one statement.
     */
    async documentRows(documentId: string, id: number): Promise<DocumentRow[]> {
      const article = model(ARTICLE_UID);
      const publishedAt = `a.${column(article, 'publishedAt')}`;
      const documentColumn = `a.${column(article, 'documentId')}`;
      // knex types a select right after a join helper loosely: the rows are plain records.
      const rows = (await withOverride(knex()({ a: article.tableName }), article, 'a')
        .leftJoin({ l: RELATED_TABLES.lists }, (join) =>
          join.on('l.document_id', '=', documentColumn).andOn('l.locale', '=', `a.${column(article, 'locale')}`)
        )
        .select({
          ...columns('a', article, ['id', 'locale', 'slug', 'title', 'publishedAt']),
          ...overrideColumns('a'),
          relatedItems: 'l.items',
          relatedComputedMs: 'l.computed_ms',
        })
        .where(documentColumn, documentId)
        .andWhere((where) => where.whereNotNull(publishedAt).orWhere('a.id', id))
        .orderBy('a.id')) as RawRow[];
      depend([documentId], listTag('article'));
      return firstPerId(
        rows.map((row) => ({
          id: Number(row.id),
          locale: row.locale as string,
          slug: (row.slug as string | null) ?? null,
          title: (row.title as string | null) ?? null,
          publishedAt: isoValue(row.publishedAt),
          [WHATSAPP_OVERRIDE_FIELD]: overrideOf(row),
          relatedList:
            row.relatedComputedMs === null || row.relatedComputedMs === undefined
              ? null
              : { items: row.relatedItems, computed_ms: row.relatedComputedMs },
        }))
      );
    },
  };
};
