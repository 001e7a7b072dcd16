import relatedListSchema from './related-list/schema.json';

export default {
  'related-list': { schema: relatedListSchema },
};
