export const PLUGIN_ID = 'newsroom';

/** Every newsroom admin string is namespaced `newsroom.<key>`. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;
