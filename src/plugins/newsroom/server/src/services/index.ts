import articleFields from './article-fields';
import articlePage from './article-page';
import relatedNews from './related-news';
import whatsappFollow from './whatsapp-follow';

export default {
  'article-fields': articleFields,
  'article-page': articlePage,
  'related-news': relatedNews,
  'whatsapp-follow': whatsappFollow,
};
