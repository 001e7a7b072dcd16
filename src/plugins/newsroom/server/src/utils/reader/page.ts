/**
 * Warta's reference reader: complete, accessible HTML pages from the article page payload, with no
 * client framework. Everything an editor typed is escaped (`escapeHtml`, `serializeJsonLd`); the only
 * script is the font-size switcher, allowed by the response's CSP nonce.
 */
import { blocksToHtml, escapeHtml, inlineText, linkNames, type BlockNode } from './html';
import { serializeJsonLd } from './json-ld';
import {
  insertsAt,
  renderInsert,
  renderNotices,
  renderSponsored,
  type InsertView,
  type NoticeView,
  type SponsoredView,
} from './editorial';
import { outboundRel } from '../editorial/sponsored';
import type { HouseStyle } from '../format/dates';
import { cardDate, LABELS, labelsOf, OG_LOCALES, shell, type ShellOptions } from './shell';

export type ArticlePageView = {
  title: string;
  /** The editor's short headline: the page's <title> and og:title when set. */
  seoTitle?: string | null;
  lead?: string | null;
  body?: unknown;
  dateline?: string | null;
  locale: string;
  url: string;
  status?: string;
  datePublished?: string | null;
  authors?: { name: string; role?: string | null; url?: string | null }[];
  editor?: { name: string } | null;
  category?: { name: string; url: string; ancestors?: { name: string; url: string }[] } | null;
  tags?: { name: string; url: string }[];
  cover?: {
    caption?: string | null;
    altText?: string | null;
    creditLine?: string | null;
    image?: {
      url?: string;
      absoluteUrl?: string | null;
      alternativeText?: string | null;
      width?: number | null;
      height?: number | null;
      crops?: { ratio: string; absoluteUrl: string; width: number | null; height: number | null }[];
    } | null;
  } | null;
  newsroom?: {
    byline: string | null;
    publishedAtLocal: { dateTime: string; iso: string } | null;
    updatedAtLocal: { iso: string; label: string } | null;
    readingTimeLabel: string;
  } | null;
  whatsappFollow?: {
    url: string;
    headline: string;
    buttonLabel: string;
    placement: string;
    afterParagraph?: number | null;
  } | null;
  related?: {
    title: string;
    url: string;
    datePublished?: string | null;
    timezone?: string | null;
    lead?: string | null;
    sponsoredLabelText?: string | null;
  }[];
  alternates?: { locale: string; url: string; title?: string }[];
  jsonLd?: unknown;
  /** Issue 16: what goes between and around the body's blocks, the notices, the sponsor. */
  inserts?: InsertView[];
  notices?: NoticeView[];
  noticePlacement?: string;
  hakJawabFor?: { title: string; url: string }[];
  sponsored?: SponsoredView;
};

export type ArticlePageOptions = ShellOptions & {
  /** A preview link's expiry, as ISO and as the reader reads it ("Kamis, 26 November 2026 | 17:30 WIB"). */
  preview?: { expiresAt: string; expiresLabel?: string } | null;
  style?: HouseStyle;
};

export function renderArticlePage(page: ArticlePageView, options: ArticlePageOptions): string {
  const labels = labelsOf(page.locale);
  const alternates = page.alternates ?? [];
  const image = page.cover?.image;
  const imageUrl = image?.absoluteUrl ?? image?.url ?? null;
  // Shares show the 16:9 crop (the shape Facebook, X and WhatsApp cards use); the original until it has one.
  const ogImage =
    image?.crops?.find((crop) => crop.ratio === '16:9') ??
    (imageUrl ? { absoluteUrl: imageUrl, width: image?.width, height: image?.height } : null);
  const published = page.newsroom?.publishedAtLocal;
  const updated = page.newsroom?.updatedAtLocal;

  const shortTitle = page.seoTitle?.trim() || page.title;
  const head = [
    `<title>${escapeHtml(shortTitle)} | ${escapeHtml(options.publicationName)}</title>`,
    page.lead ? `<meta name="description" content="${escapeHtml(page.lead)}">` : '',
    options.preview
      ? '<meta name="robots" content="noindex, nofollow">'
      : '<meta name="robots" content="index, follow, max-image-preview:large">',
    `<link rel="canonical" href="${escapeHtml(page.url)}">`,
    ...alternates.map(
      (alt) => `<link rel="alternate" hreflang="${escapeHtml(alt.locale)}" href="${escapeHtml(alt.url)}">`
    ),
    // Readers whose language is neither get the Indonesian edition when there is one.
    ...alternates
      .filter((alt) => alt.locale === 'id')
      .map((alt) => `<link rel="alternate" hreflang="x-default" href="${escapeHtml(alt.url)}">`),
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeHtml(options.publicationName)}">`,
    `<meta property="og:title" content="${escapeHtml(shortTitle)}">`,
    page.lead ? `<meta property="og:description" content="${escapeHtml(page.lead)}">` : '',
    `<meta property="og:url" content="${escapeHtml(page.url)}">`,
    `<meta property="og:locale" content="${escapeHtml(OG_LOCALES[page.locale] ?? page.locale)}">`,
    ...alternates
      .filter((alt) => alt.locale !== page.locale)
      .map(
        (alt) => `<meta property="og:locale:alternate" content="${escapeHtml(OG_LOCALES[alt.locale] ?? alt.locale)}">`
      ),
    ogImage ? `<meta property="og:image" content="${escapeHtml(ogImage.absoluteUrl)}">` : '',
    ogImage?.width ? `<meta property="og:image:width" content="${Number(ogImage.width)}">` : '',
    ogImage?.height ? `<meta property="og:image:height" content="${Number(ogImage.height)}">` : '',
    imageUrl
      ? `<meta property="og:image:alt" content="${escapeHtml(page.cover?.altText ?? image?.alternativeText ?? page.title)}">`
      : '',
    published ? `<meta property="article:published_time" content="${escapeHtml(published.iso)}">` : '',
    updated ? `<meta property="article:modified_time" content="${escapeHtml(updated.iso)}">` : '',
    page.category ? `<meta property="article:section" content="${escapeHtml(page.category.name)}">` : '',
    ...(page.tags ?? []).map((tag) => `<meta property="article:tag" content="${escapeHtml(tag.name)}">`),
    `<meta name="twitter:card" content="${imageUrl ? 'summary_large_image' : 'summary'}">`,
    page.jsonLd ? `<script type="application/ld+json">${serializeJsonLd(page.jsonLd)}</script>` : '',
  ]
    .filter(Boolean)
    .join('\n');

  const crumbs = page.category
    ? `<nav class="crumbs" aria-label="${escapeHtml(labels.breadcrumb)}"><ol><li><a href="${escapeHtml(options.homeUrl)}">${escapeHtml(labels.home)}</a></li>${[
        ...(page.category.ancestors ?? []),
        page.category,
      ]
        .map(
          (node, index, all) =>
            `<li><a href="${escapeHtml(node.url)}"${index === all.length - 1 ? ' aria-current="page"' : ''}>${escapeHtml(node.name)}</a></li>`
        )
        .join('')}</ol></nav>`
    : '';

  // The byline ends with the date and time: mark that part up as a <time> for machines and screen readers.
  // Each author's name links to their page (rel="author").
  let byline = '';
  const bylineText = page.newsroom?.byline ?? null;
  const people = page.authors ?? [];
  if (bylineText && published && bylineText.endsWith(published.dateTime)) {
    byline = `${linkNames(bylineText.slice(0, -published.dateTime.length), people)}<time datetime="${escapeHtml(published.iso)}">${escapeHtml(published.dateTime)}</time>`;
  } else if (bylineText) {
    byline = linkNames(bylineText, people);
  } else if (people.length) {
    byline = linkNames(people.map((author) => author.name).join(', '), people);
  }

  const cover = imageUrl
    ? `<figure class="cover"><img src="${escapeHtml(image?.url ?? imageUrl)}" alt="${escapeHtml(page.cover?.altText ?? image?.alternativeText ?? '')}"${image?.width && image?.height ? ` width="${Number(image.width)}" height="${Number(image.height)}"` : ''} fetchpriority="high">${
        page.cover?.caption || page.cover?.creditLine
          ? `<figcaption>${escapeHtml(page.cover?.caption ?? '')}${page.cover?.creditLine ? ` <span class="credit">${escapeHtml(page.cover.creditLine)}</span>` : ''}</figcaption>`
          : ''
      }</figure>`
    : '';

  const fontControls = `<div class="font-size" role="group" aria-label="${escapeHtml(labels.fontSize)}">${(
    [
      ['small', labels.fontSmall],
      ['normal', labels.fontNormal],
      ['large', labels.fontLarge],
    ] as const
  )
    // The name starts with the visible "A" (WCAG 2.5.3 label in name: "click A" in voice control works);
    // the size is said by hidden text, not an aria-label that would replace the "A".
    .map(
      ([size, label]) =>
        `<button type="button" data-size="${size}" title="${escapeHtml(label[0].toUpperCase() + label.slice(1))}" aria-pressed="${size === 'normal'}">A<span class="visually-hidden"> (${escapeHtml(label)})</span></button>`
    )
    .join('')}</div>`;

  const whatsapp = page.whatsappFollow
    ? `<aside class="whatsapp" aria-label="WhatsApp"><p>${escapeHtml(page.whatsappFollow.headline)}</p><a href="${escapeHtml(page.whatsappFollow.url)}" rel="noopener" target="_blank">${escapeHtml(page.whatsappFollow.buttonLabel)}</a></aside>`
    : '';

  // A sponsored story's outbound links are paid links: rel="sponsored" (links to the site itself stay as they are).
  const siteUrl = page.url.includes('/read/') ? page.url.slice(0, page.url.indexOf('/read/')) : page.url;
  const blocks = blocksToHtml(page.body, {
    linkRel: page.sponsored ? (href) => outboundRel(href, siteUrl, true) : undefined,
  });
  // The dateline opens the first paragraph ("MOSKOW - ..."), unless the editor already typed it there.
  const firstParagraph = blocks.findIndex((block) => block.isParagraph);
  if (page.dateline && firstParagraph >= 0) {
    const firstText = inlineText(
      (page.body as BlockNode[]).filter((block) => block?.type === 'paragraph' && inlineText(block.children).trim())[0]
        ?.children
    );
    if (!firstText.trim().toUpperCase().startsWith(page.dateline.trim().toUpperCase())) {
      blocks[firstParagraph] = {
        ...blocks[firstParagraph],
        html: blocks[firstParagraph].html.replace(
          /^<p>/,
          `<p><strong class="dateline">${escapeHtml(page.dateline)}</strong> - `
        ),
      };
    }
  }
  // Inserts come resolved with the payload (Baca Juga, ad slots, WhatsApp): each after the body block it
  // names. A payload without them (an older frontend's cache) still places its WhatsApp block as before.
  const inserts: InsertView[] =
    page.inserts ??
    (page.whatsappFollow ? [{ type: 'whatsapp-follow', position: legacyWhatsappPosition(page, blocks) }] : []);
  if (!page.inserts && page.whatsappFollow && inserts[0].position === 'body')
    inserts[0].afterBlock = blocks.filter((block) => block.isParagraph)[(page.whatsappFollow.afterParagraph ?? 1) - 1]
      ?.index;
  const insertHtml = (list: InsertView[]) =>
    list.map((insert) => renderInsert(page.locale, insert, whatsapp)).join('\n');
  const bodyParts: string[] = [insertHtml(insertsAt(inserts, 'top'))];
  for (const block of blocks) {
    bodyParts.push(block.html);
    bodyParts.push(insertHtml(insertsAt(inserts, 'body').filter((insert) => insert.afterBlock === block.index)));
  }
  // An insert after a block the reader does not print (an empty paragraph) still shows, at the end of the body.
  const printed = new Set(blocks.map((block) => block.index));
  const orphans = insertsAt(inserts, 'body').filter((insert) => !printed.has(insert.afterBlock ?? -1));
  const notices = renderNotices(page.locale, page.notices, page.hakJawabFor);
  const sponsored = renderSponsored(page.locale, page.sponsored ?? null);

  const tags = page.tags?.length
    ? `<nav class="tags" aria-label="${escapeHtml(labels.tags)}"><ul>${page.tags.map((tag) => `<li><a href="${escapeHtml(tag.url)}" rel="tag">${escapeHtml(tag.name)}</a></li>`).join('')}</ul></nav>`
    : '';
  const related = page.related?.length
    ? `<section class="related" aria-labelledby="berita-terkait"><h2 id="berita-terkait">${escapeHtml(labels.related)}</h2><ul>${page.related
        .map((card) => {
          // Each related story in its own newsroom's zone (WIB, WITA or WIT).
          const date = cardDate(card.datePublished, page.locale, card.timezone ?? 'WIB', options.style);
          const label = card.sponsoredLabelText
            ? ` <span class="sponsored-label">${escapeHtml(card.sponsoredLabelText)}</span>`
            : '';
          return `<li><a href="${escapeHtml(card.url)}">${escapeHtml(card.title)}</a>${label}${date ? ` <p class="meta"><time datetime="${escapeHtml(card.datePublished)}">${escapeHtml(date)}</time></p>` : ''}</li>`;
        })
        .join('')}</ul></section>`
    : '';

  const previewBanner = options.preview
    ? `<p class="preview" role="status">${escapeHtml(page.status === 'published' ? labels.previewPublished : labels.preview)} ${escapeHtml(labels.previewUntil)} <time datetime="${escapeHtml(options.preview.expiresAt)}">${escapeHtml(options.preview.expiresLabel ?? options.preview.expiresAt)}</time>.</p>`
    : '';

  const main = `${previewBanner}
<article>
${crumbs}
${sponsored.label}
<h1>${escapeHtml(page.title)}</h1>
${byline ? `<p class="meta byline">${byline}</p>` : ''}
${sponsored.sponsor}
${updated ? `<p class="meta updated"><time datetime="${escapeHtml(updated.iso)}">${escapeHtml(updated.label)}</time></p>` : ''}
${page.newsroom?.readingTimeLabel ? `<p class="meta reading-time">${escapeHtml(page.newsroom.readingTimeLabel)}</p>` : ''}
${cover}
${fontControls}
${page.noticePlacement === 'bottom' ? '' : notices}
<div class="body" id="isi">
${bodyParts.filter(Boolean).join('\n')}
${insertHtml(orphans)}
${page.editor?.name ? `<p class="editor">${escapeHtml(labels.editor)}: ${escapeHtml(page.editor.name)}</p>` : ''}
</div>
${page.noticePlacement === 'bottom' ? notices : ''}${insertHtml(insertsAt(inserts, 'end'))}
${tags}
${insertHtml(insertsAt(inserts, 'before-related'))}
${related}
</article>
${insertsAt(inserts, 'sidebar').length ? `<aside class="sidebar">${insertHtml(insertsAt(inserts, 'sidebar'))}</aside>` : ''}`;

  return shell(head, main, { ...options, languageLinks: options.languageLinks ?? alternates }, { script: true });
}

function legacyWhatsappPosition(page: ArticlePageView, blocks: { isParagraph: boolean }[]): string {
  const after = page.whatsappFollow?.afterParagraph ?? 0;
  return page.whatsappFollow?.placement === 'after-paragraph' &&
    after >= 1 &&
    after <= blocks.filter((block) => block.isParagraph).length
    ? 'body'
    : 'end';
}

export { renderListPage, renderMessagePage, type ListItem, type ListPageView } from './list-page';

export const READER_LABELS = LABELS;
