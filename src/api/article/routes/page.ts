import { pageParamsShape, pageQueryShape, pageResponse } from '../../../plugins/newsroom/server/src/validation';

// The article page payload: readable by whoever may read the article itself (the same findOne permission).
// `request`/`response` document the route in openapi.json; the controller enforces the same query schema.
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
      request: { params: pageParamsShape, query: pageQueryShape },
      response: pageResponse,
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
