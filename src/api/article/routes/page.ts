// The article page payload: readable by whoever may read the article itself (the same findOne permission).
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/by-slug/:slug',
      handler: 'api::article.article.bySlug',
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
