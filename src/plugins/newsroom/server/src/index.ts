import config from './config';
import controllers from './controllers';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  config,
  controllers,
  policies,
  routes,
  services,
};
