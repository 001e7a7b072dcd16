// "Berita Terkait": readable by whoever may read the article itself (the same findOne permission).
export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/:documentId/related',
      handler: 'api::article.article.related',
      config: { auth: { scope: ['api::article.article.findOne'] } },
    },
  ],
};
