import { factories } from '@strapi/strapi';
import { ARTICLE_UID, DRAFTS_POLICY, PUBLIC_QUERY_POLICY } from '../../../constants';

const readPolicies = [PUBLIC_QUERY_POLICY, DRAFTS_POLICY];

export default factories.createCoreRouter(ARTICLE_UID, {
  config: {
    find: { policies: readPolicies },
    findOne: { policies: readPolicies },
  },
});
