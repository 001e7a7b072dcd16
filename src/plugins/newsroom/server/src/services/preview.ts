import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { newsroomConfig } from '../config';
import {
  derivePreviewKey,
  signPreviewToken,
  verifyPreviewToken,
  type PreviewVerification,
} from '../utils/preview/token';
import { getService } from '../get-service';

export const PREVIEW_PATH = '/read/preview';

type PreviewParams = { documentId?: string; locale?: string | null; status?: string };

/**
 * The content manager's Preview button: a signed, short-lived link to the reader page of one document,
 * locale and status. The key is derived from ADMIN_JWT_SECRET, which every instance shares, so any
 * instance verifies a link another one signed.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  key(): Buffer {
    return derivePreviewKey(strapi.config.get('admin.auth.secret') as string);
  },

  ttlSeconds(): number {
    return newsroomConfig(strapi).previewTtlSeconds;
  },

  /**
   * The reader runs on this instance, whatever separate frontend WARTA_SITE_URL may name: PUBLIC_URL when
   * set, else the origin the editor's browser used to reach the admin API (never "0.0.0.0").
   */
  baseUrl(): string {
    const configured = String(strapi.config.get('server.url') ?? '');
    const absolute = String(strapi.config.get('server.absoluteUrl') ?? '');
    if (/^https?:\/\//.test(configured)) return absolute.replace(/\/+$/, '');
    const origin = strapi.requestContext.get()?.request?.origin;
    return String(origin || absolute || newsroomConfig(strapi).siteUrl).replace(/\/+$/, '');
  },

  /**
   * Called by Strapi's preview handler (config/admin.ts) for the signed-in editor. Articles only; the
   * editor must be allowed to read articles in the content manager, or there is no link.
   */
  async url(uid: string, params: PreviewParams, now: Date = new Date()): Promise<string | null> {
    if (uid !== ARTICLE_UID || !params.documentId) return null;
    const ability = strapi.requestContext.get()?.state?.userAbility;
    if (ability && !ability.can('plugin::content-manager.explorer.read', ARTICLE_UID)) return null;
    const locale = params.locale || (await getService('locales', strapi).defaultCode());
    const status = params.status === 'published' ? 'published' : 'draft';
    const token = signPreviewToken(
      { uid, documentId: params.documentId, locale, status },
      this.key(),
      this.ttlSeconds(),
      now
    );
    return `${this.baseUrl()}${PREVIEW_PATH}?token=${encodeURIComponent(token)}`;
  },

  verify(token: unknown, now: Date = new Date()): PreviewVerification {
    return verifyPreviewToken(token, this.key(), now);
  },
});
