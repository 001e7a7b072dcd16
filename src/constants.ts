// The app reads Warta's one constants module from the plugin that owns it.
export * from './plugins/newsroom/server/src/constants';
