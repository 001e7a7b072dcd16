/** The reader's list pages (home, category, tag) and its 404/401 message pages. */
import { escapeHtml } from './html';
import type { HouseStyle } from '../format/dates';
import { cardDate, labelsOf, OG_LOCALES, shell, type ShellOptions } from './shell';

export type ListItem = {
  title: string;
  url: string;
  lead?: string | null;
  datePublished?: string | null;
  timezone?: string | null;
  imageUrl?: string | null;
  imageAlt?: string | null;
  sponsoredLabelText?: string | null;
};

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
    ...(view.alternates ?? []).map(
      (alt) => `<link rel="alternate" hreflang="${escapeHtml(alt.locale)}" href="${escapeHtml(alt.url)}">`
    ),
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
          return `<li>${item.imageUrl ? `<img src="${escapeHtml(item.imageUrl)}" alt="${escapeHtml(item.imageAlt ?? '')}" loading="lazy">` : ''}${item.sponsoredLabelText ? `<p class="sponsored-label">${escapeHtml(item.sponsoredLabelText)}</p>` : ''}<h2><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></h2>${
            date
              ? `<p class="meta"><time datetime="${escapeHtml(item.datePublished)}">${escapeHtml(date)}</time></p>`
              : ''
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
  return shell(head, `<section class="list"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></section>`, {
    ...options,
    locale,
  });
}
