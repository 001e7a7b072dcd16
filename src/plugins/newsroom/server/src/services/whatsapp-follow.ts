import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { WHATSAPP_OVERRIDE_FIELD } from '../constants';
import { getService } from '../get-service';
import { categoryTree } from '../utils/content/category-tree';
import { uniqueIds } from '../utils/content/rows';
import { perRequest } from '../utils/http/per-request';
import { WHATSAPP_SETTINGS_TAG } from '../utils/cache/tags';
import {
  DEFAULT_SITE_SETTINGS,
  resolveWhatsappFollow,
  validateSiteDefault,
  validateUtm,
  type FieldError,
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
import type { ArticleRow, CategoryRow } from './content-rows';

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

/** What an article's block depends on: its locale, its category and its own override. */
export type WhatsappArticle = Pick<ArticleRow, 'id' | 'locale' | 'category' | typeof WHATSAPP_OVERRIDE_FIELD>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async getSettings(): Promise<WhatsappSettings> {
    return this.withDefaults(await strapi.store(STORE).get({ key: STORE_KEY }));
  },

  /** The stored value (null when never saved) completed with the defaults. */
  withDefaults(value: unknown): WhatsappSettings {
    const stored = (value ?? {}) as Partial<WhatsappSettings>;
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

  /** The settings as this request saw them first: a page of 25 blocks reads them once. */
  settingsOfRequest(): Promise<WhatsappSettings> {
    // Tagged here too: after the first call of a request the store is not read again, yet the block shows it.
    getService('response-cache', strapi).depend([WHATSAPP_SETTINGS_TAG]);
    return perRequest(strapi.requestContext.get(), STORE_KEY, async () =>
      this.withDefaults(await getService('page-settings', strapi).ofRequest(STORE_KEY))
    );
  },

  /** The resolved block of each article, for a whole page at once: its rows, then `resolveRows`. */
  async forRows(ids: number[]): Promise<Map<number, ResolvedWhatsappFollow | null>> {
    const unique = uniqueIds(ids);
    if (unique.length === 0) return new Map();
    return this.resolveRows(await getService('content-rows', strapi).articles(unique));
  },

  /**
   * The block of each article row: the tree of each locale among them (one statement each, shared with
   * the rest of the request) and the settings (one read per request, or `known` when the caller read them
   * alongside its own rows). Never a query per article.
   */
  async resolveRows(
    rows: WhatsappArticle[],
    known?: WhatsappSettings
  ): Promise<Map<number, ResolvedWhatsappFollow | null>> {
    const result = new Map<number, ResolvedWhatsappFollow | null>();
    if (rows.length === 0) return result;
    const locales = [...new Set(rows.map((row) => row.locale))];
    const [settings, trees] = await Promise.all([
      known ?? this.settingsOfRequest(),
      Promise.all(locales.map((locale) => getService('content-rows', strapi).categoryTree(locale))),
    ]);
    const treeOf = new Map(locales.map((locale, index) => [locale, categoryTree(trees[index])]));
    for (const row of rows) result.set(row.id, this.blockOf(row, treeOf.get(row.locale)!, settings));
    return result;
  },

  /** One article's block, from its locale's tree and the settings the caller read. */
  blockOf(
    row: WhatsappArticle,
    tree: ReturnType<typeof categoryTree<CategoryRow>>,
    settings: WhatsappSettings
  ): ResolvedWhatsappFollow | null {
    const categories = row.category ? tree.selfAndAncestors(row.category.id) : [];
    return resolveWhatsappFollow({
      site: row.locale === 'en' ? settings.en : settings.id,
      categoryChain: categories.map((category) => category[WHATSAPP_OVERRIDE_FIELD] ?? null),
      article: row[WHATSAPP_OVERRIDE_FIELD] ?? null,
      categoryName: categories[0]?.name ?? null,
      utm: settings.utm,
    });
  },
});
