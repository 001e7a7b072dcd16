/**
 * Warta's reference reader: complete, accessible HTML pages from the article page payload, with no
 * client framework. Everything an editor typed is escaped (`escapeHtml`, `serializeJsonLd`); the only
 * script is the font-size switcher, allowed by the response's CSP nonce.
 */
import { blocksToHtml, escapeHtml, inlineText, linkNames } from './html';
import { serializeJsonLd } from './json-ld';
import { formatDate, HOUSE_STYLES, isZoneLabel, localParts, type HouseStyle } from './dates';

type Locale = 'id' | 'en';

const LABELS = {
  id: {
    skip: 'Langsung ke isi berita',
    languages: 'Bahasa',
    breadcrumb: 'Navigasi kategori',
    home: 'Beranda',
    fontSize: 'Ukuran huruf',
    fontSmall: 'huruf kecil',
    fontNormal: 'huruf sedang',
    fontLarge: 'huruf besar',
    tags: 'Tag',
    related: 'Berita Terkait',
    editor: 'Editor',
    preview: 'Pratinjau: draf ini belum terbit dan tidak dapat dilihat pembaca.',
    previewPublished: 'Pratinjau versi terbit.',
    previewUntil: 'Tautan berlaku sampai',
    feed: 'RSS',
    empty: 'Belum ada berita.',
    latest: 'Berita Terbaru',
    notFound: 'Berita tidak ditemukan',
    notFoundText: 'Halaman yang Anda cari tidak ada atau belum terbit.',
    languageName: { id: 'Bahasa Indonesia', en: 'English' } as Record<string, string>,
  },
  en: {
    skip: 'Skip to the story',
    languages: 'Language',
    breadcrumb: 'Category navigation',
    home: 'Home',
    fontSize: 'Text size',
    fontSmall: 'small text',
    fontNormal: 'medium text',
    fontLarge: 'large text',
    tags: 'Tags',
    related: 'Related News',
    editor: 'Editor',
    preview: 'Preview: this draft is not published and readers cannot see it.',
    previewPublished: 'Preview of the published version.',
    previewUntil: 'Link valid until',
    feed: 'RSS',
    empty: 'No news yet.',
    latest: 'Latest News',
    notFound: 'Story not found',
    notFoundText: 'The page you are looking for does not exist or is not published.',
    languageName: { id: 'Bahasa Indonesia', en: 'English' } as Record<string, string>,
  },
} as const;

const OG_LOCALES: Record<string, string> = { id: 'id_ID', en: 'en_US' };

const labelsOf = (locale: string) => LABELS[(locale === 'en' ? 'en' : 'id') as Locale];

const STYLES = `
:root{--text:#1a1a1a;--muted:#555;--accent:#b3001b;--line:#ddd;--size:1.125rem}
html[data-font-size=small]{--size:1rem}html[data-font-size=large]{--size:1.375rem}
*{box-sizing:border-box}body{margin:0;font-family:Georgia,'Times New Roman',serif;color:var(--text);background:#fff;line-height:1.6}
a{color:var(--accent)}a:focus-visible,button:focus-visible{outline:3px solid #1f5fbf;outline-offset:2px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.site{display:flex;justify-content:space-between;align-items:center;gap:1rem;padding:.75rem 1rem;border-bottom:3px solid var(--accent);font-family:Arial,Helvetica,sans-serif}
.site .brand{font-weight:700;font-size:1.5rem;text-decoration:none;color:var(--accent)}
.site ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
main{max-width:46rem;margin:0 auto;padding:1rem}
.preview{background:#fff4ce;border:1px solid #c9a300;padding:.75rem 1rem;font-family:Arial,sans-serif}
.crumbs ol{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;padding:0;margin:0 0 .5rem;font-family:Arial,sans-serif;font-size:.875rem}
.crumbs li+li::before{content:'›';margin-right:.25rem;color:var(--muted)}
h1{font-size:2rem;line-height:1.25;margin:.25rem 0 .75rem}
.meta{font-family:Arial,sans-serif;font-size:.875rem;color:var(--muted);margin:.25rem 0}
.cover{margin:1rem 0}.cover img{width:100%;height:auto;display:block}
.cover figcaption{font-family:Arial,sans-serif;font-size:.875rem;color:var(--muted);padding-top:.25rem}
.font-size{display:flex;gap:.25rem;align-items:center;font-family:Arial,sans-serif;margin:.5rem 0}
.font-size button{border:1px solid var(--line);background:#fff;cursor:pointer;min-width:2.25rem;min-height:2.25rem;font-weight:700}
.font-size button[aria-pressed=true]{background:var(--accent);color:#fff;border-color:var(--accent)}
.font-size [data-size=small]{font-size:.8rem}.font-size [data-size=large]{font-size:1.2rem}
.body{font-size:var(--size)}.body img{max-width:100%;height:auto}
.editor{font-style:italic}
.whatsapp{border:1px solid #25d366;border-radius:.5rem;padding:1rem;margin:1.5rem 0;font-family:Arial,sans-serif}
.whatsapp a{display:inline-block;margin-top:.5rem;background:#0f7a3f;color:#fff;padding:.5rem 1rem;border-radius:.25rem;text-decoration:none;font-weight:700}
.tags ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}.tags a{border:1px solid var(--line);padding:.25rem .5rem;text-decoration:none;font-family:Arial,sans-serif;font-size:.875rem}
.related ul,.list ul{list-style:none;padding:0}.related li,.list li{border-top:1px solid var(--line);padding:.75rem 0}
.list img{max-width:8rem;height:auto;float:right;margin-left:1rem}.list li::after{content:'';display:block;clear:both}
footer{max-width:46rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);font-family:Arial,sans-serif;font-size:.875rem;color:var(--muted)}
`;

// Remembers the reader's choice; the server never sees it.
const FONT_SCRIPT = `(function(){var root=document.documentElement,key='warta:font-size';
function apply(size){root.setAttribute('data-font-size',size);document.querySelectorAll('.font-size button').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-size')===size));});}
try{var saved=localStorage.getItem(key);if(saved==='small'||saved==='normal'||saved==='large')apply(saved);}catch(e){}
document.querySelectorAll('.font-size button').forEach(function(b){b.addEventListener('click',function(){var size=b.getAttribute('data-size');apply(size);try{localStorage.setItem(key,size);}catch(e){}});});})();`;

export type ShellOptions = {
  nonce: string;
  publicationName: string;
  homeUrl: string;
  locale: string;
  /** Other language versions of this page: the header's language links. */
  languageLinks?: { locale: string; url: string }[];
  rssUrl?: string;
};

export function shell(head: string, main: string, options: ShellOptions, { script = false }: { script?: boolean } = {}): string {
  const labels = labelsOf(options.locale);
  const languages = (options.languageLinks ?? [])
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.url)}" hreflang="${escapeHtml(link.locale)}" lang="${escapeHtml(link.locale)}"${link.locale === options.locale ? ' aria-current="true"' : ''} data-alternate="${escapeHtml(link.locale)}">${escapeHtml(labels.languageName[link.locale] ?? link.locale)}</a></li>`
    )
    .join('');
  return `<!doctype html>
<html lang="${escapeHtml(options.locale)}" data-font-size="normal">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${head}
${options.rssUrl ? `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(options.publicationName)}" href="${escapeHtml(options.rssUrl)}">` : ''}
<style nonce="${escapeHtml(options.nonce)}">${STYLES}</style>
</head>
<body>
<a class="skip" href="#konten">${escapeHtml(labels.skip)}</a>
<header class="site"><a class="brand" href="${escapeHtml(options.homeUrl)}">${escapeHtml(options.publicationName)}</a>${languages ? `<nav aria-label="${escapeHtml(labels.languages)}"><ul>${languages}</ul></nav>` : ''}</header>
<main id="konten">
${main}
</main>
<footer>© ${escapeHtml(options.publicationName)}${options.rssUrl ? ` · <a href="${escapeHtml(options.rssUrl)}">${escapeHtml(labels.feed)}</a>` : ''}</footer>
${script ? `<script nonce="${escapeHtml(options.nonce)}">${FONT_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

/** "Jumat, 27 Oktober 2023" for a card, in the given zone (cards carry no zone of their own: WIB). */
export function cardDate(value: string | null | undefined, locale: string, zone: unknown = 'WIB', style: HouseStyle = HOUSE_STYLES.kbbi): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  return formatDate(localParts(instant, isZoneLabel(zone) ? zone : 'WIB', locale, style), style.monthStyle);
}

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
  whatsappFollow?: { url: string; headline: string; buttonLabel: string; placement: string; afterParagraph?: number | null } | null;
  related?: { title: string; url: string; datePublished?: string | null; timezone?: string | null; lead?: string | null }[];
  alternates?: { locale: string; url: string; title?: string }[];
  jsonLd?: unknown;
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
  const ogImage = image?.crops?.find((crop) => crop.ratio === '16:9') ?? (imageUrl ? { absoluteUrl: imageUrl, width: image?.width, height: image?.height } : null);
  const published = page.newsroom?.publishedAtLocal;
  const updated = page.newsroom?.updatedAtLocal;

  const shortTitle = page.seoTitle?.trim() || page.title;
  const head = [
    `<title>${escapeHtml(shortTitle)} | ${escapeHtml(options.publicationName)}</title>`,
    page.lead ? `<meta name="description" content="${escapeHtml(page.lead)}">` : '',
    options.preview ? '<meta name="robots" content="noindex, nofollow">' : '<meta name="robots" content="index, follow, max-image-preview:large">',
    `<link rel="canonical" href="${escapeHtml(page.url)}">`,
    ...alternates.map((alt) => `<link rel="alternate" hreflang="${escapeHtml(alt.locale)}" href="${escapeHtml(alt.url)}">`),
    // Readers whose language is neither get the Indonesian edition when there is one.
    ...alternates.filter((alt) => alt.locale === 'id').map((alt) => `<link rel="alternate" hreflang="x-default" href="${escapeHtml(alt.url)}">`),
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeHtml(options.publicationName)}">`,
    `<meta property="og:title" content="${escapeHtml(shortTitle)}">`,
    page.lead ? `<meta property="og:description" content="${escapeHtml(page.lead)}">` : '',
    `<meta property="og:url" content="${escapeHtml(page.url)}">`,
    `<meta property="og:locale" content="${escapeHtml(OG_LOCALES[page.locale] ?? page.locale)}">`,
    ...alternates.filter((alt) => alt.locale !== page.locale).map((alt) => `<meta property="og:locale:alternate" content="${escapeHtml(OG_LOCALES[alt.locale] ?? alt.locale)}">`),
    ogImage ? `<meta property="og:image" content="${escapeHtml(ogImage.absoluteUrl)}">` : '',
    ogImage?.width ? `<meta property="og:image:width" content="${Number(ogImage.width)}">` : '',
    ogImage?.height ? `<meta property="og:image:height" content="${Number(ogImage.height)}">` : '',
    imageUrl ? `<meta property="og:image:alt" content="${escapeHtml(page.cover?.altText ?? image?.alternativeText ?? page.title)}">` : '',
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
    ? `<nav class="crumbs" aria-label="${escapeHtml(labels.breadcrumb)}"><ol><li><a href="${escapeHtml(options.homeUrl)}">${escapeHtml(labels.home)}</a></li>${[...(page.category.ancestors ?? []), page.category]
        .map((node, index, all) => `<li><a href="${escapeHtml(node.url)}"${index === all.length - 1 ? ' aria-current="page"' : ''}>${escapeHtml(node.name)}</a></li>`)
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

  const cover =
    imageUrl
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
    .map(([size, label]) => `<button type="button" data-size="${size}" title="${escapeHtml(label[0].toUpperCase() + label.slice(1))}" aria-pressed="${size === 'normal'}">A<span class="visually-hidden"> (${escapeHtml(label)})</span></button>`)
    .join('')}</div>`;

  const whatsapp = page.whatsappFollow
    ? `<aside class="whatsapp" aria-label="WhatsApp"><p>${escapeHtml(page.whatsappFollow.headline)}</p><a href="${escapeHtml(page.whatsappFollow.url)}" rel="noopener" target="_blank">${escapeHtml(page.whatsappFollow.buttonLabel)}</a></aside>`
    : '';

  const blocks = blocksToHtml(page.body);
  // The dateline opens the first paragraph ("MOSKOW - ..."), unless the editor already typed it there.
  const firstParagraph = blocks.findIndex((block) => block.isParagraph);
  if (page.dateline && firstParagraph >= 0) {
    const firstText = inlineText((page.body as any[]).filter((block: any) => block?.type === 'paragraph' && inlineText(block.children).trim())[0]?.children);
    if (!firstText.trim().toUpperCase().startsWith(page.dateline.trim().toUpperCase())) {
      blocks[firstParagraph] = { ...blocks[firstParagraph], html: blocks[firstParagraph].html.replace(/^<p>/, `<p><strong class="dateline">${escapeHtml(page.dateline)}</strong> - `) };
    }
  }
  const bodyParts: string[] = [];
  let paragraphs = 0;
  let whatsappPlaced = !whatsapp;
  for (const block of blocks) {
    bodyParts.push(block.html);
    if (block.isParagraph) paragraphs += 1;
    if (!whatsappPlaced && page.whatsappFollow?.placement === 'after-paragraph' && paragraphs === (page.whatsappFollow.afterParagraph ?? 0)) {
      bodyParts.push(whatsapp);
      whatsappPlaced = true;
    }
  }

  const tags = page.tags?.length
    ? `<nav class="tags" aria-label="${escapeHtml(labels.tags)}"><ul>${page.tags.map((tag) => `<li><a href="${escapeHtml(tag.url)}" rel="tag">${escapeHtml(tag.name)}</a></li>`).join('')}</ul></nav>`
    : '';
  const related = page.related?.length
    ? `<section class="related" aria-labelledby="berita-terkait"><h2 id="berita-terkait">${escapeHtml(labels.related)}</h2><ul>${page.related
        .map((card) => {
          // Each related story in its own newsroom's zone (WIB, WITA or WIT).
          const date = cardDate(card.datePublished, page.locale, card.timezone ?? 'WIB', options.style);
          return `<li><a href="${escapeHtml(card.url)}">${escapeHtml(card.title)}</a>${date ? ` <p class="meta"><time datetime="${escapeHtml(card.datePublished)}">${escapeHtml(date)}</time></p>` : ''}</li>`;
        })
        .join('')}</ul></section>`
    : '';

  const previewBanner = options.preview
    ? `<p class="preview" role="status">${escapeHtml(page.status === 'published' ? labels.previewPublished : labels.preview)} ${escapeHtml(labels.previewUntil)} <time datetime="${escapeHtml(options.preview.expiresAt)}">${escapeHtml(options.preview.expiresLabel ?? options.preview.expiresAt)}</time>.</p>`
    : '';

  const main = `${previewBanner}
<article>
${crumbs}
<h1>${escapeHtml(page.title)}</h1>
${byline ? `<p class="meta byline">${byline}</p>` : ''}
${updated ? `<p class="meta updated"><time datetime="${escapeHtml(updated.iso)}">${escapeHtml(updated.label)}</time></p>` : ''}
${page.newsroom?.readingTimeLabel ? `<p class="meta reading-time">${escapeHtml(page.newsroom.readingTimeLabel)}</p>` : ''}
${cover}
${fontControls}
<div class="body" id="isi">
${bodyParts.join('\n')}
${page.editor?.name ? `<p class="editor">${escapeHtml(labels.editor)}: ${escapeHtml(page.editor.name)}</p>` : ''}
</div>
${whatsappPlaced ? '' : whatsapp}
${tags}
${related}
</article>`;

  return shell(head, main, { ...options, languageLinks: options.languageLinks ?? alternates }, { script: true });
}

export type ListItem = { title: string; url: string; lead?: string | null; datePublished?: string | null; timezone?: string | null; imageUrl?: string | null; imageAlt?: string | null };

export type ListPageView = {
  locale: string;
  heading: string;
  description?: string | null;
  url: string;
  items: ListItem[];
  alternates?: { locale: string; url: string }[];
};

/** A category, tag or home page: the latest published stories, newest first. */
export function renderListPage(view: ListPageView, options: ShellOptions & { style?: HouseStyle }): string {
  const labels = labelsOf(view.locale);
  const head = [
    `<title>${escapeHtml(view.heading)} | ${escapeHtml(options.publicationName)}</title>`,
    view.description ? `<meta name="description" content="${escapeHtml(view.description)}">` : '',
    `<link rel="canonical" href="${escapeHtml(view.url)}">`,
    ...(view.alternates ?? []).map((alt) => `<link rel="alternate" hreflang="${escapeHtml(alt.locale)}" href="${escapeHtml(alt.url)}">`),
    `<meta property="og:type" content="website">`,
    `<meta property="og:site_name" content="${escapeHtml(options.publicationName)}">`,
    `<meta property="og:title" content="${escapeHtml(view.heading)}">`,
    `<meta property="og:url" content="${escapeHtml(view.url)}">`,
    `<meta property="og:locale" content="${escapeHtml(OG_LOCALES[view.locale] ?? view.locale)}">`,
  ]
    .filter(Boolean)
    .join('\n');
  const items = view.items.length
    ? `<ul>${view.items
        .map((item) => {
          const date = cardDate(item.datePublished, view.locale, item.timezone, options.style);
          return `<li>${item.imageUrl ? `<img src="${escapeHtml(item.imageUrl)}" alt="${escapeHtml(item.imageAlt ?? '')}" loading="lazy">` : ''}<h2><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></h2>${
            date ? `<p class="meta"><time datetime="${escapeHtml(item.datePublished)}">${escapeHtml(date)}</time></p>` : ''
          }${item.lead ? `<p>${escapeHtml(item.lead)}</p>` : ''}</li>`;
        })
        .join('')}</ul>`
    : `<p>${escapeHtml(labels.empty)}</p>`;
  const main = `<section class="list"><h1>${escapeHtml(view.heading)}</h1>${view.description ? `<p>${escapeHtml(view.description)}</p>` : ''}${items}</section>`;
  return shell(head, main, { ...options, languageLinks: options.languageLinks ?? view.alternates });
}

/** 404 and 401 pages in the reader's language, so a broken link is not a JSON error in a browser. */
export function renderMessagePage(locale: string, heading: string, text: string, options: ShellOptions): string {
  const head = `<title>${escapeHtml(heading)} | ${escapeHtml(options.publicationName)}</title>\n<meta name="robots" content="noindex">`;
  return shell(head, `<section class="list"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></section>`, { ...options, locale });
}

export const READER_LABELS = LABELS;
