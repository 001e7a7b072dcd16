import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, CATEGORY_UID, WHATSAPP_OVERRIDE_FIELD } from '../constants';
import { categoryTree } from '../utils/content/category-tree';
import {
  DEFAULT_SITE_SETTINGS,
  resolveWhatsappFollow,
  validateSiteDefault,
  validateUtm,
  type FieldError,
  type Override,
  type ResolvedWhatsappFollow,
  type SiteDefault,
  type Utm,
} from '../utils/whatsapp/follow';
import {
  NOT_AN_OBJECT_MESSAGE,
  WHATSAPP_EDITABLE,
  WHATSAPP_SETTINGS_LOCALES,
  whatsappSettingsShapeErrors,
} from '../validation';

export type WhatsappSettings = { id: SiteDefault; en: SiteDefault; utm: Utm };

// In the database (core store), so every instance behind the load balancer reads the same settings
// and a change applies to the next request without a restart.
const STORE = { type: 'plugin' as const, name: 'newsroom' };
const STORE_KEY = 'whatsapp-follow';
const EDITABLE = WHATSAPP_EDITABLE;
const LOCALES = WHATSAPP_SETTINGS_LOCALES;

export function toValidationError(fieldErrors: FieldError[]): errors.ValidationError {
  const message =
    fieldErrors.length === 1
      ? fieldErrors[0].message
      : `${fieldErrors.length} kesalahan: ${fieldErrors.map((error) => error.message).join(' ')}`;
  return new errors.ValidationError(message, {
    errors: fieldErrors.map((error) => ({
      path: error.path.split('.'),
      message: error.message,
      name: 'ValidationError',
    })),
  });
}

type CategoryRow = {
  id: number;
  name: string;
  parent?: { id: number } | null;
  [WHATSAPP_OVERRIDE_FIELD]?: Override | null;
};
type ArticleRow = {
  id: number;
  locale: string;
  category?: { id: number } | null;
  [WHATSAPP_OVERRIDE_FIELD]?: Override | null;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async getSettings(): Promise<WhatsappSettings> {
    const stored = ((await strapi.store(STORE).get({ key: STORE_KEY })) ?? {}) as Partial<WhatsappSettings>;
    return {
      id: { ...DEFAULT_SITE_SETTINGS.id, ...(stored.id ?? {}) },
      en: { ...DEFAULT_SITE_SETTINGS.en, ...(stored.en ?? {}) },
      utm: { source: null, medium: null, campaign: null, ...(stored.utm ?? {}) },
    };
  },

  /** Validates everything first: a refused save changes nothing. */
  async updateSettings(input: unknown): Promise<WhatsappSettings> {
    const shape = whatsappSettingsShapeErrors(input);
    if (!shape) throw toValidationError([{ path: 'data', message: NOT_AN_OBJECT_MESSAGE }]);
    const body = input as Record<string, unknown>;
    const fieldErrors: FieldError[] = [...shape.general];
    const current = await this.getSettings();
    const next: WhatsappSettings = { ...current };
    for (const locale of LOCALES) {
      if (body[locale] === undefined) continue;
      fieldErrors.push(...shape.byLocale[locale]);
      // A locale that is not an object has nothing more to check.
      if (!body[locale] || typeof body[locale] !== 'object') continue;
      const value = body[locale] as Record<string, unknown>;
      const normalized = Object.fromEntries(
        EDITABLE.map((key) => [key, value[key] === '' ? null : (value[key] ?? current[locale][key] ?? null)])
      );
      fieldErrors.push(...validateSiteDefault(normalized, locale));
      next[locale] = normalized as SiteDefault;
    }
    if (body.utm !== undefined) {
      const utm = body.utm as Record<string, unknown> | null;
      fieldErrors.push(...validateUtm(utm));
      // Unchecked until the throw below: a value that is not a short token never reaches the store.
      const token = (key: keyof Utm) => (utm?.[key] as string | null | undefined) || null;
      next.utm = { source: token('source'), medium: token('medium'), campaign: token('campaign') };
    }
    if (fieldErrors.length) throw toValidationError(fieldErrors);
    await strapi.store(STORE).set({ key: STORE_KEY, value: next });
    return next;
  },

  /**
   * Saves `input` only while no settings were ever saved (the demo content's channel): once an operator
   * has saved the settings page, even to turn the block off, a re-seed leaves them as they are.
   * True when it saved.
   */
  async configureIfUnset(input: unknown): Promise<boolean> {
    if ((await strapi.store(STORE).get({ key: STORE_KEY })) != null) return false;
    await this.updateSettings(input);
    return true;
  },

  /**
   * The resolved block of each article row, for a whole page at once: one query for the articles with
   * their override and category, one for the categories of those locales (the tree is small), one for
   * the settings. Never one query per article.
   */
  async forRows(ids: number[]): Promise<Map<number, ResolvedWhatsappFollow | null>> {
    const result = new Map<number, ResolvedWhatsappFollow | null>();
    const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))];
    if (unique.length === 0) return result;

    const rows: ArticleRow[] = await strapi.db.query(ARTICLE_UID).findMany({
      where: { id: { $in: unique } },
      select: ['id', 'locale'],
      populate: { [WHATSAPP_OVERRIDE_FIELD]: true, category: { select: ['id'] } },
    });
    const locales = [...new Set(rows.map((row) => row.locale))];
    const categories = await strapi.db.query(CATEGORY_UID).findMany({
      where: { locale: { $in: locales } },
      select: ['id', 'name'],
      populate: { parent: { select: ['id'] }, [WHATSAPP_OVERRIDE_FIELD]: true },
    });
    const tree = categoryTree(categories as CategoryRow[]);
    const settings = await this.getSettings();

    for (const row of rows) {
      const categories = row.category ? tree.selfAndAncestors(row.category.id) : [];
      const chain = categories.map((category) => category[WHATSAPP_OVERRIDE_FIELD] ?? null);
      const categoryName = categories[0]?.name ?? null;
      result.set(
        row.id,
        resolveWhatsappFollow({
          site: row.locale === 'en' ? settings.en : settings.id,
          categoryChain: chain,
          article: row[WHATSAPP_OVERRIDE_FIELD] ?? null,
          categoryName,
          utm: settings.utm,
        })
      );
    }
    return result;
  },
});
