import articleFields from './article-fields';

export default {
  'article-fields': articleFields,
};
