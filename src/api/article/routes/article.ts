import { factories } from '@strapi/strapi';
import { ARTICLE_UID } from '../../../constants';

const readPolicies = ['plugin::newsroom.drafts-need-editor'];

export default factories.createCoreRouter(ARTICLE_UID, {
  config: {
    find: { policies: readPolicies },
    findOne: { policies: readPolicies },
  },
});
