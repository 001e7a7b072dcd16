import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { newsroomConfig } from '../config';
import { getService } from '../get-service';
import { formatByline, formatDateInText, HOUSE_STYLES } from '../utils/format/dates';

// The seed article's moment: Jumat, 27 Oktober 2023, 17:33 WIB.
const SAMPLE_INSTANT = new Date('2023-10-27T10:33:00Z');
const SAMPLE_AUTHORS = {
  id: [{ name: 'Salsabila Fitirah Puteri', role: 'Jurnalis' }],
  en: [{ name: 'Salsabila Fitirah Puteri', role: 'Journalist' }],
};

/** Read-only: shows editors how the configured house style prints bylines. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const { houseStyle, wordsPerMinute } = newsroomConfig(strapi);
    const style = getService('article-fields', strapi).houseStyle();
    ctx.body = {
      data: {
        houseStyle,
        wordsPerMinute,
        availableStyles: Object.keys(HOUSE_STYLES),
        samples: {
          id: {
            byline: formatByline(SAMPLE_AUTHORS.id, SAMPLE_INSTANT, 'WIB', 'id', style),
            dateInText: formatDateInText(SAMPLE_INSTANT, 'WIB', 'id', style),
          },
          en: {
            byline: formatByline(SAMPLE_AUTHORS.en, SAMPLE_INSTANT, 'WIB', 'en', style),
            dateInText: formatDateInText(SAMPLE_INSTANT, 'WIB', 'en', style),
          },
        },
      },
    };
  },
});
