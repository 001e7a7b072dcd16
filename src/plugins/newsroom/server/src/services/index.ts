import articleFields from './article-fields';
import whatsappFollow from './whatsapp-follow';

export default {
  'article-fields': articleFields,
  'whatsapp-follow': whatsappFollow,
};
