import articleFields from './article-fields';
import articlePage from './article-page';
import authorPage from './author-page';
import contentRows from './content-rows';
import feeds from './feeds';
import imageCrops from './image-crops';
import locales from './locales';
import preview from './preview';
import readiness from './readiness';
import relatedNews from './related-news';
import whatsappFollow from './whatsapp-follow';

export default {
  'article-fields': articleFields,
  'article-page': articlePage,
  'author-page': authorPage,
  'content-rows': contentRows,
  feeds,
  'image-crops': imageCrops,
  locales,
  preview,
  readiness,
  'related-news': relatedNews,
  'whatsapp-follow': whatsappFollow,
};
