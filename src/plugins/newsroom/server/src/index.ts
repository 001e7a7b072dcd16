import bootstrap, { destroy } from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import httpMiddlewares from './http-middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  // Koa middlewares (`plugin::newsroom.response-cache`); the Document Service pipeline is ./middlewares.
  middlewares: httpMiddlewares,
  policies,
  routes,
  services,
};
