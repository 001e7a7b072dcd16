import { factories } from '@strapi/strapi';
import { MEDIA_CAPTION_UID } from '../../../constants';
import { withCreditLine } from '../../../plugins/newsroom/server/src/utils/format/credit-line';

export default factories.createCoreController(MEDIA_CAPTION_UID, () => ({
  async find(ctx) {
    const response = await super.find(ctx);
    response.data = (response.data ?? []).map((caption: any) => withCreditLine(caption, ctx.query.locale as string));
    return response;
  },
  async findOne(ctx) {
    const response = await super.findOne(ctx);
    if (response?.data) response.data = withCreditLine(response.data, ctx.query.locale as string);
    return response;
  },
}));
