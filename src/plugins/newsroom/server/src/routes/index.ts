export default {
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/house-style',
        handler: 'house-style.show',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};
