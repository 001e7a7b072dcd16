import type { Core } from '@strapi/strapi';
import { WHATSAPP_OVERRIDE_FIELD, WHATSAPP_OVERRIDE_UIDS } from '../constants';
import { toValidationError } from '../services/whatsapp-follow';
import { validateFields } from '../utils/whatsapp/follow';

/**
 * An article's or a category's WhatsApp override is checked before anything is written, whoever writes
 * it (admin, REST, GraphQL, imports): only WhatsApp channel links, known placeholders, sane lengths.
 */
const whatsappOverrideMiddleware =
  (_strapi: Core.Strapi) =>
  async (context: any, next: () => Promise<any>) => {
    if (!(WHATSAPP_OVERRIDE_UIDS as readonly string[]).includes(context.uid)) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const override = context.params?.data?.[WHATSAPP_OVERRIDE_FIELD];
    if (override && typeof override === 'object') {
      const fieldErrors = validateFields(override, WHATSAPP_OVERRIDE_FIELD);
      if (fieldErrors.length) throw toValidationError(fieldErrors);
    }
    return next();
  };

export default whatsappOverrideMiddleware;
