import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::media-caption.media-caption');
