import { factories } from '@strapi/strapi';
import { MEDIA_CAPTION_UID } from '../../../constants';
import { getService } from '../../../plugins/newsroom/server/src/get-service';

type CaptionData = { credit?: string | null; creditLabel?: string | null; locale?: string | null };

export default factories.createCoreController(MEDIA_CAPTION_UID, ({ strapi }) => {
  const withCreditLine = (caption: CaptionData, locale: unknown) =>
    getService('article-fields', strapi).withCreditLine(caption, typeof locale === 'string' ? locale : undefined);
  return {
    async find(ctx) {
      const response = await super.find(ctx);
      response.data = (response.data ?? []).map((caption: CaptionData) => withCreditLine(caption, ctx.query.locale));
      return response;
    },
    async findOne(ctx) {
      const response = await super.findOne(ctx);
      if (response?.data) response.data = withCreditLine(response.data, ctx.query.locale);
      return response;
    },
  };
});
