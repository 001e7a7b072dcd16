import articleFields from './article-fields';
import relatedNews from './related-news';
import whatsappFollow from './whatsapp-follow';

export default {
  'article-fields': articleFields,
  'related-news': relatedNews,
  'whatsapp-follow': whatsappFollow,
};
