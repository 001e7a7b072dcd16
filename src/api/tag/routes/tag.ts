import { factories } from '@strapi/strapi';
import { PUBLIC_QUERY_POLICY } from '../../../constants';

const readPolicies = [PUBLIC_QUERY_POLICY];

export default factories.createCoreRouter('api::tag.tag', {
  config: {
    find: { policies: readPolicies },
    findOne: { policies: readPolicies },
  },
});
