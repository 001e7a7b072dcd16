/**
 * The reader page's editorial parts (issue 16): the notices box, the sponsored label and sponsor, the
 * inserts between the body's blocks (Baca Juga, ad slots, the WhatsApp block), and the 410 page of a
 * withdrawn story. Everything an editor typed is escaped.
 */
import { escapeHtml, safeUrl } from './html';
import { labelsOf } from './shell';

export type NoticeView = {
  kind: string;
  label: string;
  text?: string | null;
  madeAt?: string | null;
  madeAtLabel?: string | null;
  article?: { title: string; url: string } | null;
};
export type InsertView = {
  type: string;
  position: string;
  afterBlock?: number;
  card?: { title: string; url: string; sponsoredLabelText?: string | null };
  slot?: string;
  adUnit?: string;
  label?: string;
};
export type SponsoredView = {
  labelText: string;
  sponsor: {
    name: string | null;
    url: string | null;
    logo?: { url: string; absoluteUrl?: string | null; alternativeText?: string | null } | null;
  };
} | null;

const link = (href: string, text: string, rel?: string) => {
  const safe = safeUrl(href);
  return safe ? `<a href="${escapeHtml(safe)}"${rel ? ` rel="${rel}"` : ''}>${escapeHtml(text)}</a>` : escapeHtml(text);
};

/** "Ralat: … (diperbarui Jumat, 27 Oktober 2023 | 18:05 WIB)", one paragraph per notice, plus the Hak Jawab links. */
export function renderNotices(
  locale: string,
  notices: NoticeView[] | undefined,
  hakJawabFor: { title: string; url: string }[] | undefined
): string {
  const labels = labelsOf(locale);
  const updated = locale === 'en' ? 'updated' : 'diperbarui';
  const items = (notices ?? []).map((notice) => {
    const text = notice.text
      ? `<strong>${escapeHtml(notice.label)}:</strong> ${escapeHtml(notice.text)}`
      : `<strong>${escapeHtml(notice.label)}</strong>`;
    const when =
      notice.madeAt && notice.madeAtLabel
        ? ` <span class="notice-date">(${updated} <time datetime="${escapeHtml(notice.madeAt)}">${escapeHtml(notice.madeAtLabel)}</time>)</span>`
        : '';
    const reply = notice.article
      ? ` ${escapeHtml(labels.readReply)}: ${link(notice.article.url, notice.article.title)}`
      : '';
    return `<p class="notice notice-${escapeHtml(notice.kind)}" data-kind="${escapeHtml(notice.kind)}">${text}${when}${reply}</p>`;
  });
  for (const answered of hakJawabFor ?? [])
    items.push(
      `<p class="notice notice-hak-jawab-for">${escapeHtml(labels.replyTo)}: ${link(answered.url, answered.title)}</p>`
    );
  return items.length
    ? `<aside class="notices" aria-label="${escapeHtml(labels.notices)}">${items.join('')}</aside>`
    : '';
}

/** Above the title: the label ("Advertorial"); below the byline: who presents it, the link marked sponsored. */
export function renderSponsored(locale: string, sponsored: SponsoredView): { label: string; sponsor: string } {
  if (!sponsored) return { label: '', sponsor: '' };
  const labels = labelsOf(locale);
  const { name, url, logo } = sponsored.sponsor;
  const logoSrc = logo ? safeUrl(logo.absoluteUrl ?? logo.url) : null;
  const logoHtml = logoSrc
    ? `<img src="${escapeHtml(logoSrc)}" alt="${escapeHtml(logo?.alternativeText ?? name ?? '')}">`
    : '';
  const nameHtml = name ? (url ? link(url, name, 'sponsored noopener') : escapeHtml(name)) : '';
  return {
    label: `<p class="sponsored-label">${escapeHtml(sponsored.labelText)}</p>`,
    sponsor: name ? `<p class="sponsor">${escapeHtml(labels.sponsoredBy)} ${nameHtml}${logoHtml}</p>` : '',
  };
}

/** One insert as HTML; `whatsapp` is the page's WhatsApp block, already rendered. */
export function renderInsert(locale: string, insert: InsertView, whatsapp: string): string {
  if (insert.type === 'whatsapp-follow') return whatsapp;
  if (insert.type === 'baca-juga' && insert.card) {
    const label = insert.card.sponsoredLabelText
      ? ` <span class="sponsored-label">${escapeHtml(insert.card.sponsoredLabelText)}</span>`
      : '';
    return `<p class="baca-juga"><strong>${escapeHtml(labelsOf(locale).bacaJuga)}:</strong> ${link(insert.card.url, insert.card.title)}${label}</p>`;
  }
  if (insert.type === 'ad')
    return `<div class="ad-slot" data-slot="${escapeHtml(insert.slot)}" data-ad-unit="${escapeHtml(insert.adUnit)}" aria-label="${escapeHtml(insert.label)}" role="complementary"><span>${escapeHtml(insert.label)}</span></div>`;
  return '';
}

export const insertsAt = (inserts: InsertView[] | undefined, position: string) =>
  (inserts ?? []).filter((insert) => insert.position === position);

export type WithdrawnView = { title: string; reason: string; withdrawnAt: string; withdrawnAtLabel: string };

/** The 410 page's content: the title, when and why it was withdrawn, never the body. */
export function renderWithdrawn(locale: string, view: WithdrawnView): string {
  const labels = labelsOf(locale);
  return `<section class="withdrawn" data-withdrawn="true"><p class="meta">${escapeHtml(labels.withdrawn)}</p><h1>${escapeHtml(view.title)}</h1><p>${escapeHtml(labels.withdrawnOn)} <time datetime="${escapeHtml(view.withdrawnAt)}">${escapeHtml(view.withdrawnAtLabel)}</time></p><p>${escapeHtml(labels.withdrawnReason)}: ${escapeHtml(view.reason)}</p></section>`;
}
