/**
 * The article page's editorial part (issue 16): notices, the Hak Jawab links both ways, the sponsor, the
 * body with its Baca Juga links resolved, and the `inserts` (Baca Juga, ad slots, the WhatsApp block) at
 * their positions. Every article it shows is read in one query (three statements with the cover and its
 * image): the body's links, the Hak Jawab notices' articles, and the articles that answer this one, all
 * published in the page's locale. A link to anything else (a draft, another locale, an unpublished or
 * withdrawn article) finds nothing there, so it is never shown.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../../constants';
import { editorialConfig, newsroomConfig } from '../../config';
import { getService } from '../../get-service';
import { COVER_FIELDS, IMAGE_FIELDS } from '../../utils/content/fields';
import type { categoryTree } from '../../utils/content/category-tree';
import { bodyArticleRefs, resolveBody } from '../../utils/editorial/baca-juga';
import { planInserts, type Insert } from '../../utils/editorial/inserts';
import {
  activeNotices,
  CORRECTION_KINDS,
  NOTICE_LABELS,
  parseArticleRef,
  type ArticleRef,
  type StoredNotice,
} from '../../utils/editorial/notices';
import { sponsoredLabelText } from '../../utils/editorial/sponsored';
import { formatDateTime, HOUSE_STYLES, isZoneLabel, localParts, toZonedIso } from '../../utils/format/dates';
import { absoluteUrl, articlePath } from '../../utils/reader/urls';
import { hakJawabTag, listTag } from '../../utils/cache/tags';
import type { CategoryRow } from '../content-rows';
import type { ResolvedWhatsappFollow } from '../../utils/whatsapp/follow';

export type EditorialCard = {
  documentId: string;
  title: string;
  slug: string;
  url: string;
  lead: string | null;
  datePublished: string | null;
  timezone: string | null;
  sponsoredLabel: string | null;
  sponsoredLabelText: string | null;
  cover: {
    altText: string | null;
    image: { url: string; absoluteUrl: string | null; width: number | null; height: number | null } | null;
  } | null;
};
type CardRow = {
  documentId: string;
  title: string;
  slug: string;
  lead: string | null;
  datePublished: string | Date | null;
  timezone: string | null;
  sponsoredLabel: string | null;
  cover?: {
    altText: string | null;
    image?: { url: string; width: number | null; height: number | null } | null;
  } | null;
  notices?: StoredNotice[];
};
export type EditorialArticle = {
  documentId: string;
  locale: string;
  timezone: string | null;
  body: unknown;
  notices?: StoredNotice[] | null;
  sponsoredLabel?: string | null;
  sponsorName?: string | null;
  sponsorUrl?: string | null;
  sponsorLogo?: { url: string; width: number | null; height: number | null; alternativeText: string | null } | null;
  noAds?: boolean | null;
  adSlots?: unknown;
  category?: { id: number } | null;
};

/** A Berita Terkait card as the page serves it, a candidate of the automatic Baca Juga. */
export type RelatedCardLike = Record<string, unknown> & {
  documentId: string;
  url: string;
  title: string;
  sponsoredLabelText?: string | null;
};

const AD_LABEL = { id: 'Advertisement', en: 'Advertisement' } as const;

export async function editorialPart(
  strapi: Core.Strapi,
  article: EditorialArticle,
  context: {
    tree: ReturnType<typeof categoryTree<CategoryRow>>;
    related: { documentId: string; pinned?: boolean }[];
    relatedCards: RelatedCardLike[];
    whatsapp: ResolvedWhatsappFollow | null;
  }
) {
  const { siteUrl } = newsroomConfig(strapi);
  const settings = editorialConfig(strapi);
  const style = getService('article-fields', strapi).houseStyle() ?? HOUSE_STYLES.kbbi;
  const locale = article.locale;
  const zone = isZoneLabel(article.timezone) ? article.timezone : 'WIB';
  const notices = activeNotices(article.notices ?? []);

  const refs: ArticleRef[] = [
    ...bodyArticleRefs(article.body, siteUrl),
    ...notices.flatMap((notice) => {
      const ref =
        notice.kind === 'hak-jawab' && notice.replyArticle ? parseArticleRef(notice.replyArticle, siteUrl) : null;
      return ref ? [ref] : [];
    }),
  ];
  const documentIds = [...new Set(refs.flatMap((ref) => ('documentId' in ref ? [ref.documentId] : [])))];
  const slugs = [...new Set(refs.flatMap((ref) => ('slug' in ref && ref.locale === locale ? [ref.slug] : [])))];
  const cardQuery = (where: Record<string, unknown>) =>
    strapi.db.query(ARTICLE_UID).findMany({
      where: { locale, publishedAt: { $notNull: true }, ...where },
      select: ['documentId', 'title', 'slug', 'lead', 'datePublished', 'timezone', 'sponsoredLabel'],
      populate: {
        cover: { select: COVER_FIELDS, populate: { image: { select: IMAGE_FIELDS } } },
        notices: { select: ['kind', 'replyArticle', 'removedAt'] },
      },
    }) as Promise<CardRow[]>;
  const pinnedRefs = [
    ...(documentIds.length ? [{ documentId: { $in: documentIds } }] : []),
    ...(slugs.length ? [{ slug: { $in: slugs } }] : []),
  ];
  const [linked, adSettings] = await Promise.all([
    pinnedRefs.length ? cardQuery({ $or: pinnedRefs }) : Promise.resolve([] as CardRow[]),
    getService('ad-slots', strapi).settingsOfRequest(),
  ]);
  // Who gives a Hak Jawab to this article is a search over every article: the cache would tag it with the
  // whole list and purge this page on any publish. It depends on those notices alone (hakJawabTag, purged
  // by cache-purge when such a notice comes or goes).
  const cache = getService('response-cache', strapi);
  const answering = await cache.untracked(() =>
    cardQuery({ notices: { kind: 'hak-jawab', replyArticle: article.documentId, removedAt: { $null: true } } })
  );
  cache.depend([hakJawabTag(article.documentId)]);
  cache.depend(
    answering.map((row) => row.documentId),
    listTag('article')
  );
  const rows = [...linked, ...answering.filter((row) => !linked.some((known) => known.documentId === row.documentId))];
  const cardOf = (row: CardRow): EditorialCard => ({
    documentId: row.documentId,
    title: row.title,
    slug: row.slug,
    url: `${siteUrl}${articlePath(locale, row.slug)}`,
    lead: row.lead ?? null,
    datePublished: row.datePublished ? new Date(row.datePublished).toISOString() : null,
    timezone: row.timezone ?? null,
    sponsoredLabel: row.sponsoredLabel ?? null,
    sponsoredLabelText: sponsoredLabelText(row.sponsoredLabel, locale),
    cover: row.cover
      ? {
          altText: row.cover.altText ?? null,
          image: row.cover.image
            ? {
                url: row.cover.image.url,
                absoluteUrl: absoluteUrl(siteUrl, row.cover.image.url),
                width: row.cover.image.width ?? null,
                height: row.cover.image.height ?? null,
              }
            : null,
        }
      : null,
  });
  const byId = new Map(
    rows.filter((row) => row.documentId !== article.documentId).map((row) => [row.documentId, cardOf(row)])
  );
  const bySlug = new Map([...byId.values()].map((card) => [card.slug, card]));
  const resolve = (ref: ArticleRef): EditorialCard | null =>
    ('documentId' in ref ? byId.get(ref.documentId) : ref.locale === locale ? bySlug.get(ref.slug) : undefined) ?? null;

  const madeAt = (value: StoredNotice['madeAt']) => {
    if (!value) return { iso: null, label: null };
    const instant = new Date(value);
    return { iso: toZonedIso(instant, zone), label: formatDateTime(localParts(instant, zone, locale, style), style) };
  };
  const labels = NOTICE_LABELS[locale === 'en' ? 'en' : 'id'];
  const noticeViews = notices.map((notice) => {
    const at = madeAt(notice.madeAt);
    const linked =
      notice.kind === 'hak-jawab' && notice.replyArticle ? parseArticleRef(notice.replyArticle, siteUrl) : null;
    return {
      kind: notice.kind,
      label: labels[notice.kind],
      text: notice.text ?? null,
      madeAt: at.iso,
      madeAtLabel: at.label,
      /** As the page prints it: "Ralat: … (diperbarui Jumat, 27 Oktober 2023 | 18:05 WIB)". */
      display: displayOf(labels[notice.kind], notice, at.label, locale),
      article: linked ? resolve(linked) : null,
    };
  });
  // Articles that carry a Hak Jawab pointing here: this article is their right of reply.
  const answers = rows
    .filter((row) =>
      (row.notices ?? []).some(
        (notice) => notice.kind === 'hak-jawab' && notice.replyArticle === article.documentId && !notice.removedAt
      )
    )
    .map(cardOf);

  const resolved = resolveBody(article.body, siteUrl, resolve);
  const pinned = new Set(context.related.filter((item) => item.pinned).map((item) => item.documentId));
  const auto = context.relatedCards.filter(
    (card) => !resolved.shown.has(card.documentId) && !pinned.has(card.documentId)
  );
  const ads = getService('ad-slots', strapi).slotsOf(article, context.tree, adSettings);
  const inserts: Insert<EditorialCard | (typeof auto)[number]>[] = planInserts({
    body: resolved.body,
    placed: resolved.placed,
    whatsapp: context.whatsapp,
    ads,
    auto,
    autoCount: settings.bacaJugaCount,
    autoAfterParagraphs: settings.bacaJugaAfterParagraphs,
    adLabel: AD_LABEL[locale === 'en' ? 'en' : 'id'],
  });

  const labelText = sponsoredLabelText(article.sponsoredLabel, locale);
  const sponsored = labelText
    ? {
        label: article.sponsoredLabel!,
        labelText,
        sponsor: {
          name: article.sponsorName ?? null,
          url: article.sponsorUrl ?? null,
          logo: article.sponsorLogo
            ? {
                url: article.sponsorLogo.url,
                absoluteUrl: absoluteUrl(siteUrl, article.sponsorLogo.url),
                width: article.sponsorLogo.width ?? null,
                height: article.sponsorLogo.height ?? null,
                alternativeText: article.sponsorLogo.alternativeText ?? null,
              }
            : null,
        },
      }
    : null;

  const corrections = noticeViews
    .filter((notice) => CORRECTION_KINDS.includes(notice.kind) && notice.text)
    .map((notice) => ({ text: notice.text!, datePublished: notice.madeAt }));
  return {
    body: resolved.body,
    inserts,
    notices: noticeViews,
    noticePlacement: settings.noticePlacement,
    unverified: noticeViews.some((notice) => notice.kind === 'belum-terverifikasi'),
    hakJawabFor: answers,
    sponsored,
    corrections,
  };
}

function displayOf(label: string, notice: StoredNotice, at: string | null, locale: string): string {
  const updated = locale === 'en' ? 'updated' : 'diperbarui';
  if (notice.kind === 'belum-terverifikasi' && !notice.text) return label;
  const text = notice.text ? `${label}: ${notice.text}` : label;
  return at ? `${text} (${updated} ${at})` : text;
}
