/**
 * The "Ikuti Saluran WhatsApp" block: validation of what editors type, and resolution of the block an
 * article shows (article override, then the nearest category override, then the site default for the
 * article's locale). Pure: no Strapi import.
 */
import { whatsappMessages } from '../messages';

export type Placement = 'end' | 'after-paragraph';
export type OverrideMode = 'inherit' | 'custom' | 'off';

export type WhatsappFollowFields = {
  channelUrl?: string | null;
  channelName?: string | null;
  headline?: string | null;
  buttonLabel?: string | null;
  placement?: Placement | null;
  afterParagraph?: number | null;
};

export type SiteDefault = WhatsappFollowFields & { enabled: boolean };
export type Override = WhatsappFollowFields & { mode?: OverrideMode | null };
export type Utm = { source?: string | null; medium?: string | null; campaign?: string | null };

export type ResolvedWhatsappFollow = {
  url: string;
  channelName: string;
  headline: string;
  buttonLabel: string;
  placement: Placement;
  afterParagraph: number | null;
};

export const LIMITS = {
  channelUrl: 200,
  channelName: 60,
  headline: 160,
  buttonLabel: 30,
  afterParagraphMax: 50,
  utm: 60,
} as const;
export const PLACEHOLDERS = ['channelName', 'categoryName'] as const;

export const DEFAULT_SITE_SETTINGS: Record<'id' | 'en', SiteDefault> = {
  id: {
    enabled: false,
    channelUrl: null,
    channelName: null,
    headline: 'Ikuti Saluran WhatsApp {channelName} untuk update berita terbaru setiap hari',
    buttonLabel: 'Ikuti',
    placement: 'end',
    afterParagraph: null,
  },
  en: {
    enabled: false,
    channelUrl: null,
    channelName: null,
    headline: 'Follow {channelName} on WhatsApp for the latest news every day',
    buttonLabel: 'Follow',
    placement: 'end',
    afterParagraph: null,
  },
};

const CHANNEL_URL = /^https:\/\/(www\.)?whatsapp\.com\/channel\/[A-Za-z0-9]{6,64}$/;
export const CHANNEL_URL_HINT = 'https://whatsapp.com/channel/<kode> (huruf dan angka saja, tanpa ?parameter)';

export type FieldError = { path: string; message: string };

function checkText(errors: FieldError[], path: string, value: unknown, max: number, label: string) {
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') {
    errors.push({ path, message: whatsappMessages.notText(label) });
  } else if (value.trim().length === 0) {
    errors.push({ path, message: whatsappMessages.blank(label) });
  } else if (value.length > max) {
    errors.push({ path, message: whatsappMessages.tooLong(label, max, value.length) });
  }
}

/** Rejects anything a reader's browser should not be sent to: only WhatsApp channel links. */
export function channelUrlError(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (
    typeof value !== 'string' ||
    value.length > LIMITS.channelUrl ||
    !CHANNEL_URL.test(value.trim()) ||
    value.trim() !== value
  ) {
    return whatsappMessages.channelUrl(CHANNEL_URL_HINT);
  }
  return null;
}

export function unknownPlaceholders(headline: string): string[] {
  const found = [...headline.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]);
  const unbalanced = headline.replace(/\{[^{}]*\}/g, '').match(/[{}]/g);
  const unknown = found.filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  return unbalanced ? [...unknown, unbalanced.join('')] : unknown;
}

/** Validates the editable fields shared by the site default and the overrides. `prefix` names the path. */
export function validateFields(fields: WhatsappFollowFields & Record<string, unknown>, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const urlError = channelUrlError(fields.channelUrl);
  if (urlError) errors.push({ path: at('channelUrl'), message: urlError });
  checkText(errors, at('channelName'), fields.channelName, LIMITS.channelName, 'Nama saluran');
  checkText(errors, at('headline'), fields.headline, LIMITS.headline, 'Judul ajakan');
  checkText(errors, at('buttonLabel'), fields.buttonLabel, LIMITS.buttonLabel, 'Label tombol');
  if (typeof fields.headline === 'string') {
    const unknown = unknownPlaceholders(fields.headline);
    if (unknown.length) {
      errors.push({
        path: at('headline'),
        message: whatsappMessages.unknownPlaceholders(unknown),
      });
    }
  }
  if (
    fields.placement !== undefined &&
    fields.placement !== null &&
    fields.placement !== 'end' &&
    fields.placement !== 'after-paragraph'
  ) {
    errors.push({ path: at('placement'), message: whatsappMessages.placement });
  }
  if (fields.placement === 'after-paragraph') {
    const n = fields.afterParagraph;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > LIMITS.afterParagraphMax) {
      errors.push({
        path: at('afterParagraph'),
        message: whatsappMessages.afterParagraph(LIMITS.afterParagraphMax),
      });
    }
  }
  return errors;
}

export function validateSiteDefault(settings: Record<string, unknown>, prefix = ''): FieldError[] {
  const errors = validateFields(settings as WhatsappFollowFields & Record<string, unknown>, prefix);
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  if (typeof settings.enabled !== 'boolean') errors.push({ path: at('enabled'), message: whatsappMessages.enabled });
  if (settings.enabled === true) {
    if (!settings.channelUrl)
      errors.push({ path: at('channelUrl'), message: whatsappMessages.channelUrlRequired(CHANNEL_URL_HINT) });
    if (!settings.channelName) errors.push({ path: at('channelName'), message: whatsappMessages.channelNameRequired });
  }
  return errors;
}

export function validateUtm(utm: Record<string, unknown> | null | undefined, prefix = 'utm'): FieldError[] {
  const errors: FieldError[] = [];
  if (!utm) return errors;
  for (const key of ['source', 'medium', 'campaign']) {
    const value = utm[key];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || value.length > LIMITS.utm || !/^[A-Za-z0-9._-]+$/.test(value)) {
      errors.push({
        path: `${prefix}.${key}`,
        message: `utm_${key} hanya boleh huruf, angka, titik, garis bawah, dan tanda hubung, paling banyak ${LIMITS.utm} karakter. (utm_${key}: letters, digits, . _ - only.)`,
      });
    }
  }
  return errors;
}

const pickDefined = (fields: WhatsappFollowFields | null | undefined): WhatsappFollowFields =>
  Object.fromEntries(
    Object.entries(fields ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== '')
  ) as WhatsappFollowFields;

/**
 * Article first, then the category chain from the article's own category up to the root, then the site
 * default of the locale. "off" at any level ends the search with no block; "custom" values fill what is
 * still missing; "inherit" (or no override) passes on.
 */
export function resolveWhatsappFollow(input: {
  site: SiteDefault | null | undefined;
  categoryChain: (Override | null | undefined)[];
  article: Override | null | undefined;
  categoryName?: string | null;
  utm?: Utm | null;
}): ResolvedWhatsappFollow | null {
  const levels = [input.article, ...input.categoryChain];
  let merged: WhatsappFollowFields = {};
  for (const level of levels) {
    if (!level || !level.mode || level.mode === 'inherit') continue;
    if (level.mode === 'off') return null;
    merged = { ...pickDefined(level), ...merged };
  }
  if (!input.site?.enabled && !merged.channelUrl) return null;
  merged = { ...pickDefined(input.site), ...merged };
  if (!merged.channelUrl || !merged.channelName || !merged.headline || !merged.buttonLabel) return null;
  if (channelUrlError(merged.channelUrl)) return null;

  const placement: Placement =
    merged.placement === 'after-paragraph' && merged.afterParagraph ? 'after-paragraph' : 'end';
  const values: Record<string, string> = { channelName: merged.channelName, categoryName: input.categoryName ?? '' };
  return {
    url: withUtm(merged.channelUrl, input.utm),
    channelName: merged.channelName,
    headline: merged.headline
      .replace(/\{(channelName|categoryName)\}/g, (_m, name: string) => values[name])
      .replace(/\s{2,}/g, ' ')
      .trim(),
    buttonLabel: merged.buttonLabel,
    placement,
    afterParagraph: placement === 'after-paragraph' ? (merged.afterParagraph ?? null) : null,
  };
}

export function withUtm(url: string, utm: Utm | null | undefined): string {
  const params = Object.entries({
    utm_source: utm?.source,
    utm_medium: utm?.medium,
    utm_campaign: utm?.campaign,
  }).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (params.length === 0) return url;
  return `${url}?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
