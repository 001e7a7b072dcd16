/**
 * What every reader page shares: its labels in id and en, styles, the font-size switcher (the one
 * script, allowed by the response's CSP nonce), the HTML shell around a page, and card dates.
 */
import { formatDate, HOUSE_STYLES, isZoneLabel, localParts, type HouseStyle } from '../format/dates';
import { escapeHtml } from './html';

type Locale = 'id' | 'en';

export const LABELS = {
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
    notices: 'Pemberitahuan redaksi',
    readReply: 'Baca hak jawab',
    replyTo: 'Artikel ini adalah hak jawab atas',
    bacaJuga: 'Baca Juga',
    sponsoredBy: 'Dipersembahkan oleh',
    withdrawn: 'Berita ini telah dicabut',
    withdrawnOn: 'Dicabut pada',
    withdrawnReason: 'Alasan',
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
    notices: 'Editorial notices',
    readReply: 'Read the right of reply',
    replyTo: 'This article is the right of reply to',
    bacaJuga: 'Read also',
    sponsoredBy: 'Presented by',
    withdrawn: 'This story has been withdrawn',
    withdrawnOn: 'Withdrawn on',
    withdrawnReason: 'Reason',
    languageName: { id: 'Bahasa Indonesia', en: 'English' } as Record<string, string>,
  },
} as const;

export const OG_LOCALES: Record<string, string> = { id: 'id_ID', en: 'en_US' };

export const labelsOf = (locale: string) => LABELS[(locale === 'en' ? 'en' : 'id') as Locale];

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
.notices{margin:1rem 0;font-family:Arial,sans-serif;font-size:.95rem}.notice{border-left:4px solid var(--accent);background:#fbf3f4;padding:.5rem .75rem;margin:.5rem 0}
.notice-belum-terverifikasi{border-color:#c9a300;background:#fff8dc}
.sponsored-label{display:inline-block;font-family:Arial,sans-serif;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;background:#5b4a00;color:#fff;padding:.15rem .5rem;margin:.25rem 0}
.sponsor{font-family:Arial,sans-serif;font-size:.875rem;color:var(--muted)}.sponsor img{height:2rem;width:auto;vertical-align:middle;margin-left:.5rem}
.baca-juga{font-family:Arial,sans-serif;border-top:1px solid var(--line);border-bottom:1px solid var(--line);padding:.5rem 0}
.ad-slot{min-height:90px;margin:1rem 0;background:#f3f3f3;border:1px dashed #bbb;display:flex;align-items:center;justify-content:center;font-family:Arial,sans-serif;font-size:.75rem;color:#767676}
.withdrawn{border:1px solid var(--line);padding:1rem;font-family:Arial,sans-serif}
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

export function shell(
  head: string,
  main: string,
  options: ShellOptions,
  { script = false }: { script?: boolean } = {}
): string {
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
export function cardDate(
  value: string | null | undefined,
  locale: string,
  zone: unknown = 'WIB',
  style: HouseStyle = HOUSE_STYLES.kbbi
): string {
  if (!value) return '';
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  return formatDate(localParts(instant, isZoneLabel(zone) ? zone : 'WIB', locale, style), style.monthStyle);
}
