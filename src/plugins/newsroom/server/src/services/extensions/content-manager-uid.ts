import type { Core, UID } from '@strapi/strapi';
import { findSlugSources } from '../../middlewares/slugs';
import { slugifyTitle } from '../../utils/slugs/slug';

const CONTENT_MANAGER_UID_SERVICE = 'plugin::content-manager.uid';

type GenerateInput = { contentTypeUID: UID.ContentType; field: string; data: Record<string, unknown>; locale?: string };
type UidService = {
  generateUIDField(input: GenerateInput): Promise<string>;
  findUniqueUID(input: {
    contentTypeUID: UID.ContentType;
    field: string;
    value: string;
    locale?: string;
  }): Promise<string>;
};

/**
 * The admin's slug field (auto-slug and Regenerate) asks the content-manager's `uid` service, which
 * slugifies with @sindresorhus/slugify and the schema's customReplacements. Replacements cannot move a
 * currency behind its number ($100 -> 100-dolar), so for Warta's own types the base slug comes from the
 * server's slugifyTitle, exactly as API writes and seeds get it; Strapi's uniqueness check stays.
 */
export function decorateUidGenerator(strapi: Core.Strapi) {
  strapi.get('services').extend(CONTENT_MANAGER_UID_SERVICE, (service: UidService) => ({
    ...service,
    async generateUIDField(input: GenerateInput) {
      const { contentTypeUID, field, data, locale } = input;
      const source = findSlugSources(strapi, contentTypeUID).find(({ slugField }) => slugField === field);
      const title = source ? data?.[source.sourceField] : undefined;
      const base = typeof title === 'string' ? slugifyTitle(title) : '';
      // Not ours, or a title of symbols only: Strapi's own fallback (the type's name, e.g. "article").
      if (!source || !base) return service.generateUIDField.call(service, source ? { ...input, data: {} } : input);
      return service.findUniqueUID.call(service, { contentTypeUID, field, value: base, locale });
    },
  }));
}
