/**
 * The author page of the reader site (`/read/:locale/penulis/:slug`): who wrote it (name, role, photo,
 * bio, profile links) and their published stories in that locale, newest first, paged. It is the page
 * NewsArticle JSON-LD `author.url` points at, so it carries a ProfilePage JSON-LD of its own. Built only
 * from public fields: the author's private email never reaches this module.
 */
import { escapeHtml, safeUrl } from './html';
import { serializeJsonLd } from './json-ld';
import { HOUSE_STYLES, type HouseStyle } from '../format/dates';
import { cardDate, shell, type ShellOptions } from './shell';

const AUTHOR_LABELS = {
  id: {
    stories: 'Berita dari',
    none: 'Belum ada berita terbit dari penulis ini dalam bahasa ini.',
    profiles: 'Profil di media sosial',
    pages: 'Halaman',
    previous: 'Sebelumnya',
    next: 'Berikutnya',
    pageOf: (page: number, pages: number) => `Halaman ${page} dari ${pages}`,
    website: 'Situs web',
  },
  en: {
    stories: 'Stories by',
    none: 'No published stories by this author in this language yet.',
    profiles: 'Social media profiles',
    pages: 'Pages',
    previous: 'Previous',
    next: 'Next',
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    website: 'Website',
  },
} as const;

const PLATFORM_NAMES: Record<string, string> = {
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  linkedin: 'LinkedIn',
  threads: 'Threads',
};

export type AuthorPageView = {
  locale: string;
  name: string;
  role?: string | null;
  bio?: string | null;
  avatar?: { url: string; width?: number | null; height?: number | null } | null;
  socialLinks?: { platform: string; url: string }[];
  /** Canonical URL of this page (with ?page=N beyond the first). */
  url: string;
  /** URL of page N of this author, for the pager. */
  pageUrl: (page: number) => string;
  page: number;
  pages: number;
  items: {
    title: string;
    url: string;
    lead?: string | null;
    datePublished?: string | null;
    timezone?: string | null;
  }[];
  alternates?: { locale: string; url: string }[];
  jsonLd?: unknown;
};

export function renderAuthorPage(view: AuthorPageView, options: ShellOptions & { style?: HouseStyle }): string {
  const own = AUTHOR_LABELS[view.locale === 'en' ? 'en' : 'id'];
  const heading = view.page > 1 ? `${view.name} (${own.pageOf(view.page, view.pages)})` : view.name;
  const description = view.bio || (view.role ? `${view.name}, ${view.role}` : null);
  const head = [
    `<title>${escapeHtml(heading)} | ${escapeHtml(options.publicationName)}</title>`,
    description ? `<meta name="description" content="${escapeHtml(description)}">` : '',
    `<link rel="canonical" href="${escapeHtml(view.url)}">`,
    // hreflang alternates describe the first page only: later pages list different stories per locale.
    ...(view.page === 1 ? (view.alternates ?? []) : []).map(
      (alt) => `<link rel="alternate" hreflang="${escapeHtml(alt.locale)}" href="${escapeHtml(alt.url)}">`
    ),
    view.page > 1 ? `<link rel="prev" href="${escapeHtml(view.pageUrl(view.page - 1))}">` : '',
    view.page < view.pages ? `<link rel="next" href="${escapeHtml(view.pageUrl(view.page + 1))}">` : '',
    `<meta property="og:type" content="profile">`,
    `<meta property="og:site_name" content="${escapeHtml(options.publicationName)}">`,
    `<meta property="og:title" content="${escapeHtml(view.name)}">`,
    `<meta property="og:url" content="${escapeHtml(view.url)}">`,
    view.avatar?.url ? `<meta property="og:image" content="${escapeHtml(view.avatar.url)}">` : '',
    view.jsonLd ? `<script type="application/ld+json">${serializeJsonLd(view.jsonLd)}</script>` : '',
  ]
    .filter(Boolean)
    .join('\n');

  const avatar = view.avatar?.url
    ? `<img class="avatar" src="${escapeHtml(view.avatar.url)}" alt="${escapeHtml(view.name)}"${view.avatar.width && view.avatar.height ? ` width="${Number(view.avatar.width)}" height="${Number(view.avatar.height)}"` : ''}>`
    : '';
  const links = (view.socialLinks ?? [])
    .map((link) => ({ ...link, href: safeUrl(link.url) }))
    .filter((link) => link.href && /^https:/i.test(link.href))
    .map(
      (link) =>
        `<li><a href="${escapeHtml(link.href)}" rel="me noopener">${escapeHtml(PLATFORM_NAMES[link.platform] ?? own.website)}</a></li>`
    )
    .join('');
  const items = view.items.length
    ? `<ul>${view.items
        .map((item) => {
          const date = cardDate(item.datePublished, view.locale, item.timezone, options.style ?? HOUSE_STYLES.kbbi);
          return `<li><h3><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></h3>${date ? `<p class="meta"><time datetime="${escapeHtml(item.datePublished)}">${escapeHtml(date)}</time></p>` : ''}${item.lead ? `<p>${escapeHtml(item.lead)}</p>` : ''}</li>`;
        })
        .join('')}</ul>`
    : `<p>${escapeHtml(own.none)}</p>`;
  const pager =
    view.pages > 1
      ? `<nav class="pager" aria-label="${escapeHtml(own.pages)}"><p>${escapeHtml(own.pageOf(view.page, view.pages))}</p>${
          view.page > 1
            ? `<a href="${escapeHtml(view.pageUrl(view.page - 1))}" rel="prev">${escapeHtml(own.previous)}</a> `
            : ''
        }${view.page < view.pages ? `<a href="${escapeHtml(view.pageUrl(view.page + 1))}" rel="next">${escapeHtml(own.next)}</a>` : ''}</nav>`
      : '';

  const main = `<section class="list author">
${avatar}
<h1>${escapeHtml(heading)}</h1>
${view.role ? `<p class="meta role">${escapeHtml(view.role)}</p>` : ''}
${view.bio ? `<p class="bio">${escapeHtml(view.bio)}</p>` : ''}
${links ? `<nav aria-label="${escapeHtml(own.profiles)}"><ul class="profiles">${links}</ul></nav>` : ''}
<h2>${escapeHtml(`${own.stories} ${view.name}`)}</h2>
${items}
${pager}
</section>`;
  return shell(head, main, { ...options, languageLinks: options.languageLinks ?? view.alternates });
}
