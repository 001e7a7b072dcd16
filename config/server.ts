import type { Core } from '@strapi/strapi';
import { assertProductionSecrets } from './secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => {
  assertProductionSecrets();
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('IS_PROXIED', false),
    app: {
      keys: env.array('APP_KEYS')!,
    },
    webhooks: {
      populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
    },
    logger: {
      updates: { enabled: false },
      startup: { enabled: env.bool('STARTUP_MESSAGE', true) },
    },
  };
};

export default config;
