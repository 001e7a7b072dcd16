import {
  relatedParamsShape,
  relatedQueryShape,
  relatedResponse,
} from '../../../plugins/newsroom/server/src/validation';

// "Berita Terkait": readable by whoever may read the article itself (the same findOne permission).
// `request`/`response` document the route in openapi.json; the controller enforces the same query schema.
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/:documentId/related',
      handler: 'api::article.article.related',
      request: { params: relatedParamsShape, query: relatedQueryShape },
      response: relatedResponse,
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
