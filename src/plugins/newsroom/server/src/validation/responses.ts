/**
 * What Warta's article routes answer, as zod schemas the routes declare (`response`), so the OpenAPI
 * spec documents the computed fields Strapi cannot infer from the content-type: `newsroom`,
 * `whatsappFollow`, the cover's `creditLine`, and the two custom routes' whole payloads.
 * Objects are open (`looseObject`) where `fields`/`populate` or sanitization decide what appears.
 */
import { z } from '@strapi/utils';

const nullableString = z.string().nullable();

export const localDate = z
  .object({
    date: z.string().describe('Jumat, 27 Oktober 2023'),
    time: z.string().describe('17:33'),
    zone: z.enum(['WIB', 'WITA', 'WIT']),
    dateTime: z.string().describe('Jumat, 27 Oktober 2023 | 17:33 WIB, in the house style'),
    dateInText: z.string().describe('Jumat (27/10/2023)'),
    relative: z.string().describe('2 jam yang lalu: relative to the response time'),
    iso: z.string().describe('2023-10-27T17:33:00+07:00'),
  })
  .meta({ id: 'NewsroomLocalDate' });

export const newsroomFields = z
  .object({
    byline: nullableString.describe('Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB'),
    publishedAtLocal: localDate.nullable(),
    updatedAtLocal: localDate
      .extend({ label: z.string().describe('Diperbarui Jumat, 27 Oktober 2023 | 18:00 WIB') })
      .nullable(),
    readingTimeMinutes: z.number().int(),
    readingTimeLabel: z.string().describe('3 menit baca'),
    coverCreditLine: nullableString.describe('(Foto: Reuters)'),
  })
  .meta({
    id: 'NewsroomArticleFields',
    description: 'Computed by Warta for every article: byline, local dates, reading time, cover credit',
  });

export const whatsappFollow = z
  .object({
    url: z.string().describe('The channel link with the configured utm_* parameters'),
    channelName: z.string(),
    headline: z.string(),
    buttonLabel: z.string(),
    placement: z.enum(['end', 'after-paragraph']),
    afterParagraph: z.number().int().nullable(),
  })
  .meta({
    id: 'NewsroomWhatsappFollow',
    description: '"Ikuti Saluran WhatsApp": the resolved block, null where it is off',
  });

export const creditLine = nullableString.describe(
  'Ready-to-print credit, e.g. "(Foto: Reuters)", "(Photo: Reuters)" in English'
);

const imageCrop = z.object({
  ratio: z.string(),
  url: z.string(),
  absoluteUrl: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

export const cardImage = z
  .looseObject({
    id: z.number(),
    documentId: z.string(),
    url: z.string(),
    alternativeText: nullableString.optional(),
    width: z.number().nullable().optional(),
    height: z.number().nullable().optional(),
    formats: z.record(z.string(), z.unknown()).nullable().optional(),
    mime: z.string().optional(),
    absoluteUrl: nullableString.optional().describe('On the article page: the URL on the public site'),
    crops: z.array(imageCrop).optional().describe('On the article page: the stored 16:9, 4:3 and 1:1 crops'),
  })
  .meta({ id: 'NewsroomImage' });

export const coverCaption = z
  .looseObject({
    id: z.number(),
    documentId: z.string(),
    caption: nullableString.optional(),
    credit: nullableString.optional(),
    creditLabel: z.enum(['Foto', 'Video', 'Ilustrasi', 'Grafis']).nullable().optional(),
    altText: nullableString.optional(),
    image: cardImage.nullable().optional(),
    creditLine: creditLine.optional(),
  })
  .meta({ id: 'NewsroomCover' });

export const relatedCard = z
  .object({
    id: z.number(),
    documentId: z.string(),
    title: z.string(),
    slug: z.string(),
    lead: nullableString.optional(),
    datePublished: nullableString.optional(),
    publishedAt: z.string(),
    timezone: nullableString.optional(),
    locale: z.string(),
    sponsoredLabel: z
      .enum(['advertorial', 'konten-sponsor', 'iklan'])
      .nullable()
      .optional()
      .describe('Sponsored content; a list never mixes sponsored and ordinary stories'),
    cover: coverCaption.nullable(),
  })
  .meta({ id: 'NewsroomRelatedCard', description: 'A "Berita Terkait" card: a published article of the same locale' });

export const relatedResponse = z.object({
  data: z.array(relatedCard).describe('Best first'),
  meta: z.object({
    documentId: z.string(),
    locale: z.string(),
    limit: z.number().int(),
    count: z.number().int(),
    computedAt: z.string().describe('When the stored list was last computed (ISO 8601)'),
  }),
});

const link = z.looseObject({ documentId: z.string(), name: z.string(), slug: z.string(), url: z.string() });
const person = z.looseObject({
  id: z.number(),
  documentId: z.string(),
  name: z.string(),
  slug: nullableString.optional(),
  role: nullableString.optional(),
  bio: nullableString.optional(),
  url: z.string().optional().describe('The author page on the reader site'),
});

const editorialCard = z
  .looseObject({
    documentId: z.string(),
    title: z.string(),
    slug: z.string(),
    url: z.string(),
    sponsoredLabelText: nullableString.optional(),
  })
  .meta({ id: 'NewsroomEditorialCard', description: 'A published article of the same locale' });
const notice = z
  .object({
    kind: z.enum(['ralat', 'koreksi', 'hak-jawab', 'klarifikasi', 'belum-terverifikasi']),
    label: z.string().describe('"Ralat", "Hak Jawab", "Berita ini masih memerlukan verifikasi", ...'),
    text: nullableString,
    madeAt: nullableString.describe("ISO 8601 in the article's zone"),
    madeAtLabel: nullableString.describe('"Jumat, 27 Oktober 2023 | 18:05 WIB"'),
    display: z.string().describe('"Ralat: … (diperbarui Jumat, 27 Oktober 2023 | 18:05 WIB)"'),
    article: editorialCard.nullable().describe('Hak Jawab: the published article that answers'),
  })
  .meta({ id: 'NewsroomNotice' });
const sponsored = z
  .object({
    label: z.enum(['advertorial', 'konten-sponsor', 'iklan']),
    labelText: z.string(),
    sponsor: z.object({
      name: nullableString,
      url: nullableString,
      logo: z.looseObject({ url: z.string() }).nullable(),
    }),
  })
  .meta({ id: 'NewsroomSponsored' });
const insert = z
  .looseObject({
    type: z.enum(['baca-juga', 'ad', 'whatsapp-follow']),
    position: z.enum(['top', 'body', 'end', 'before-related', 'sidebar']),
    afterBlock: z.number().int().optional().describe('position body: after body[afterBlock]'),
    afterParagraph: z.number().int().optional().describe('position body: after the Nth paragraph (1-based)'),
    source: z.enum(['editor', 'auto']).optional().describe('baca-juga'),
    card: editorialCard.optional().describe('baca-juga'),
    slot: z.string().optional().describe('ad: top, after-paragraph-N, before-related, sidebar'),
    adUnit: z.string().optional().describe('ad'),
    label: z.string().optional().describe('ad: "Advertisement"'),
  })
  .meta({ id: 'NewsroomInsert' });

export const articlePage = z
  .looseObject({
    id: z.number(),
    documentId: z.string(),
    locale: z.string(),
    title: z.string(),
    seoTitle: nullableString.optional(),
    slug: z.string(),
    lead: nullableString.optional(),
    body: z.array(z.unknown()).describe('Rich text blocks'),
    dateline: nullableString.optional(),
    timezone: z.string(),
    datePublished: nullableString.optional(),
    dateModified: nullableString.optional(),
    publishedAt: z.string(),
    updatedAt: z.string(),
    url: z.string().describe('Canonical URL on the reader site'),
    status: z.enum(['published', 'draft']),
    authors: z.array(person),
    editor: person.nullable(),
    category: link.extend({ ancestors: z.array(link).describe('Root first') }).nullable(),
    tags: z.array(link),
    cover: coverCaption.nullable(),
    newsroom: newsroomFields.nullable(),
    whatsappFollow: whatsappFollow.nullable(),
    related: z.array(
      relatedCard.extend({
        url: z.string(),
        sponsoredLabelText: nullableString.optional().describe('"Advertorial", ...'),
      })
    ),
    alternates: z
      .array(z.object({ locale: z.string(), slug: z.string(), title: z.string(), url: z.string() }))
      .describe('Published translations'),
    jsonLd: z
      .record(z.string(), z.unknown())
      .describe('schema.org NewsArticle, ready for <script type="application/ld+json">'),
    notices: z.array(notice).describe('What the page shows, oldest first; removed notices are left out'),
    noticePlacement: z.enum(['top', 'bottom']),
    unverified: z.boolean().describe('A "Berita ini masih memerlukan verifikasi" notice is shown'),
    hakJawabFor: z.array(editorialCard).describe('Articles this one is the right of reply (Hak Jawab) to'),
    sponsored: sponsored.nullable(),
    inserts: z
      .array(insert)
      .describe(
        "What goes between and around `body` blocks, one per paragraph at most: the editor's Baca Juga, then the WhatsApp block, then ad slots, then automatic Baca Juga"
      ),
  })
  .meta({ id: 'NewsroomArticlePage', description: 'Everything an article page needs, published only' });

export const pageResponse = z.object({ data: articlePage, meta: z.object({ locale: z.string() }) });

/** What the core article routes add to each article (see src/api/article/routes/article.ts). */
export const computedArticleFields = {
  newsroom: newsroomFields
    .nullable()
    .optional()
    .describe('Absent when the newsroom plugin runs with computedFields: false'),
  whatsappFollow: whatsappFollow.nullable().optional(),
};
