import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // The Preview button of the content manager opens Warta's own reader page (/read/preview) through a
  // signed link valid for a few minutes; the page is served by this instance, so it is framed as 'self'.
  preview: {
    enabled: env.bool('PREVIEW_ENABLED', true),
    config: {
      allowedOrigins: ["'self'", ...(env('PUBLIC_URL', '') ? [new URL(env('PUBLIC_URL', '')).origin] : [])],
      async handler(uid: string, params: { documentId?: string; locale?: string | null; status?: string }) {
        return (await strapi.plugin('newsroom').service('preview').url(uid, params)) ?? undefined;
      },
    },
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;
