const SETTINGS_PERMISSION = {
  name: 'admin::hasPermissions',
  config: { actions: ['plugin::newsroom.settings.whatsapp-follow'] },
};

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
      {
        method: 'GET',
        path: '/whatsapp-follow',
        handler: 'whatsapp-follow.show',
        config: { policies: ['admin::isAuthenticatedAdmin', SETTINGS_PERMISSION] },
      },
      {
        method: 'PUT',
        path: '/whatsapp-follow',
        handler: 'whatsapp-follow.update',
        config: { policies: ['admin::isAuthenticatedAdmin', SETTINGS_PERMISSION] },
      },
    ],
  },
};
