/**
 * Sponsored content (advertorials): the labels Dewan Pers asks for ("advertorial", "iklan", "sponsored"),
 * what a sponsor may be, and how outbound links of a sponsored story are marked. Pure: no Strapi import.
 */
import { editorialMessages as M } from '../messages';
import type { FieldError } from './notices';

export const SPONSORED_LABELS = ['advertorial', 'konten-sponsor', 'iklan'] as const;
export type SponsoredLabel = (typeof SPONSORED_LABELS)[number];

export const SPONSORED_LABEL_TEXT: Record<'id' | 'en', Record<SponsoredLabel, string>> = {
  id: { advertorial: 'Advertorial', 'konten-sponsor': 'Konten Sponsor', iklan: 'Iklan' },
  en: { advertorial: 'Advertorial', 'konten-sponsor': 'Sponsored', iklan: 'Advertisement' },
};

export const isSponsoredLabel = (value: unknown): value is SponsoredLabel =>
  (SPONSORED_LABELS as readonly unknown[]).includes(value);

/** "Advertorial", "Konten Sponsor", "Iklan" in the reader's language; null for an ordinary story. */
export function sponsoredLabelText(label: unknown, locale: string): string | null {
  return isSponsoredLabel(label) ? SPONSORED_LABEL_TEXT[locale === 'en' ? 'en' : 'id'][label] : null;
}

const HTTPS = /^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#][^\s]*)?$/i;

/**
 * The errors of a write's sponsor fields, given the values it leaves stored (`next` merges the write into
 * the stored row): a label from the list, an https:// link, a name whenever a label is set, and no sponsor
 * on an ordinary story.
 */
export function sponsorErrors(next: {
  sponsoredLabel?: unknown;
  sponsorName?: unknown;
  sponsorUrl?: unknown;
}): FieldError[] {
  const errors: FieldError[] = [];
  const label = next.sponsoredLabel ?? null;
  if (label !== null && label !== '' && !isSponsoredLabel(label))
    errors.push({ path: 'sponsoredLabel', message: M.sponsoredLabel(SPONSORED_LABELS) });
  const url = next.sponsorUrl ?? null;
  if (url !== null && url !== '' && (typeof url !== 'string' || !HTTPS.test(url.trim()) || url.length > 300))
    errors.push({ path: 'sponsorUrl', message: M.sponsorUrl });
  const name = typeof next.sponsorName === 'string' ? next.sponsorName.trim() : '';
  if (isSponsoredLabel(label) && !name) errors.push({ path: 'sponsorName', message: M.sponsorNameRequired });
  if (!label && (name || (typeof url === 'string' && url)))
    errors.push({ path: 'sponsoredLabel', message: M.sponsorWithoutLabel });
  return errors;
}

/**
 * A sponsored story's outbound links: Google asks for rel="sponsored" on paid links. Links to the site itself
 * stay as they are.
 */
export function outboundRel(url: string, siteUrl: string, sponsored: boolean): string | null {
  if (!sponsored || !/^https?:\/\//i.test(url)) return null;
  const base = siteUrl.replace(/\/+$/, '').toLowerCase();
  if (url.toLowerCase() === base || url.toLowerCase().startsWith(`${base}/`)) return null;
  return 'sponsored noopener';
}
