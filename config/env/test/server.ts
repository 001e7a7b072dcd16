import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Partial<Core.Config.Server> => ({
  host: '127.0.0.1',
  port: env.int('PORT', 0),
});

export default config;
