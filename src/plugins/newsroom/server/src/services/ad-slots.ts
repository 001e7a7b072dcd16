/**
 * Ad placements: the site's default slots per locale (in the database, edited on the Redaksi settings page
 * and shared by every instance), each category's own slots (its `adSlots`, inherited by subcategories) and
 * an article's (`adSlots`, `noAds`). The page lists the resolved slots as `inserts`; the reader renders an
 * empty, labelled <div> per slot that a frontend's ad script fills.
 */
import type { Core } from '@strapi/strapi';
import { AD_SLOTS_FIELD } from '../constants';
import { getService } from '../get-service';
import { storeTag } from '../utils/cache/tags';
import { categoryTree } from '../utils/content/category-tree';
import { adSlotErrors, resolveAdSlots, type AdSlot } from '../utils/editorial/ads';
import type { FieldError } from '../utils/editorial/notices';
import { perRequest } from '../utils/http/per-request';
import { editorialMessages as M } from '../utils/messages';
import type { CategoryRow } from './content-rows';
import { toValidationError } from './whatsapp-follow';

export type AdSettings = { id: { slots: AdSlot[] }; en: { slots: AdSlot[] } };
const STORE = { type: 'plugin' as const, name: 'newsroom' };
const STORE_KEY = 'ad-slots';
const LOCALES = ['id', 'en'] as const;
const EMPTY: AdSettings = { id: { slots: [] }, en: { slots: [] } };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async getSettings(): Promise<AdSettings> {
    return this.withDefaults(await strapi.store(STORE).get({ key: STORE_KEY }));
  },

  /** The stored value (null when never saved) completed with the defaults. */
  withDefaults(value: unknown): AdSettings {
    const stored = (value ?? {}) as Partial<AdSettings>;
    return {
      id: { slots: stored.id?.slots ?? EMPTY.id.slots },
      en: { slots: stored.en?.slots ?? EMPTY.en.slots },
    };
  },

  /** Validates the whole body first: a refused save changes nothing. A locale left out keeps its slots. */
  async updateSettings(input: unknown): Promise<AdSettings> {
    if (!input || typeof input !== 'object' || Array.isArray(input))
      throw toValidationError([{ path: 'data', message: M.adSettingsBody }]);
    const body = input as Record<string, unknown>;
    const errors: FieldError[] = [];
    for (const key of Object.keys(body))
      if (!(LOCALES as readonly string[]).includes(key)) errors.push({ path: key, message: M.adSettingsBody });
    const next = await this.getSettings();
    for (const locale of LOCALES) {
      const value = body[locale];
      if (value === undefined) continue;
      const slots =
        value && typeof value === 'object' && !Array.isArray(value) ? (value as { slots?: unknown }).slots : undefined;
      if (!Array.isArray(slots)) {
        errors.push({ path: `${locale}.slots`, message: M.notAList(`${locale}.slots`) });
        continue;
      }
      errors.push(...adSlotErrors(slots, `${locale}.slots`));
      next[locale] = { slots: (slots as AdSlot[]).map(({ slot, adUnit }) => ({ slot, adUnit: adUnit ?? null })) };
    }
    if (errors.length) throw toValidationError(errors);
    await strapi.store(STORE).set({ key: STORE_KEY, value: next });
    return next;
  },

  /** The settings as this request saw them first (a page reads them once, and is purged when they change). */
  settingsOfRequest(): Promise<AdSettings> {
    getService('response-cache', strapi).depend([storeTag(`plugin_newsroom_${STORE_KEY}`)]);
    return perRequest(strapi.requestContext.get(), `store:${STORE_KEY}`, async () =>
      this.withDefaults(await getService('page-settings', strapi).ofRequest(STORE_KEY))
    );
  },

  /** One article's slots: the site's for its locale, its category chain's, its own; none with noAds. */
  slotsOf(
    article: { locale: string; category?: { id: number } | null; noAds?: boolean | null; adSlots?: unknown },
    tree: ReturnType<typeof categoryTree<CategoryRow>>,
    settings: AdSettings
  ) {
    const chain = article.category ? tree.selfAndAncestors(article.category.id) : [];
    return resolveAdSlots({
      site: (article.locale === 'en' ? settings.en : settings.id).slots,
      categoryChain: chain.map((category) => category[AD_SLOTS_FIELD] ?? null),
      article: article[AD_SLOTS_FIELD],
      noAds: article.noAds,
    });
  },
});
