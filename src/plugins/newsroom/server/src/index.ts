import type { Core } from '@strapi/strapi';
import bootstrap, { stopReconciling } from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import { getService } from './get-service';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await stopReconciling();
    getService('readiness', strapi).close();
  },
  config,
  contentTypes,
  controllers,
  policies,
  routes,
  services,
};
