import type { Core, Modules } from '@strapi/strapi';
import { WHATSAPP_OVERRIDE_FIELD, WHATSAPP_OVERRIDE_UIDS } from '../constants';
import { toValidationError } from '../services/whatsapp-follow';
import { validateFields, type WhatsappFollowFields } from '../utils/whatsapp/follow';

/**
 * An article's or a category's WhatsApp override is checked before anything is written, whoever writes
 * it (admin, REST, GraphQL, imports): only WhatsApp channel links, known placeholders, sane lengths.
 */
const whatsappOverrideMiddleware =
  (_strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!(WHATSAPP_OVERRIDE_UIDS as readonly string[]).includes(context.uid)) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const data = context.params?.data as Record<string, unknown> | undefined;
    const override = data?.[WHATSAPP_OVERRIDE_FIELD];
    if (override && typeof override === 'object') {
      // Unchecked input: validateFields checks every value it reads, as for the site default.
      const fieldErrors = validateFields(
        override as WhatsappFollowFields & Record<string, unknown>,
        WHATSAPP_OVERRIDE_FIELD
      );
      if (fieldErrors.length) throw toValidationError(fieldErrors);
    }
    return next();
  };

export default whatsappOverrideMiddleware;
