/// <reference types="vite/client" />
import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Warta's admin speaks Bahasa Indonesia first. Strapi ships about a third of the Indonesian strings,
 * with typos; src/admin/translations/id/<package>.json supplies every string an editor meets (admin,
 * content-manager, upload, i18n), keyed as in each package's own en.json. content-types.json holds the
 * field labels of Warta's content types, already fully keyed.
 */
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';
// admin.json is keyed as the admin's own en.json; content-types.json and extra.json carry full keys.
const UNPREFIXED = new Set(['admin', 'content-types', 'extra']);

type Messages = Record<string, string>;

function packageMessages(files: Record<string, { default: Messages } | Messages>): Messages {
  const merged: Messages = {};
  for (const [path, module] of Object.entries(files)) {
    const name = path
      .split('/')
      .pop()!
      .replace(/\.json$/, '');
    const messages = ('default' in module ? module.default : module) as Messages;
    for (const [key, value] of Object.entries(messages)) {
      merged[UNPREFIXED.has(name) ? key : `${name}.${key}`] = value;
    }
  }
  return merged;
}

const indonesian = packageMessages(import.meta.glob('./translations/id/*.json', { eager: true }));
const english = packageMessages(import.meta.glob('./translations/en/*.json', { eager: true }));

export default {
  config: {
    locales: ['id'],
    translations: { id: indonesian, en: english },
    notifications: { releases: false },
    tutorials: false,
  },
  register() {
    // A new editor's browser starts in Indonesian; a choice made in the profile (saved per user) wins.
    if (typeof window !== 'undefined' && !window.localStorage.getItem(ADMIN_LANGUAGE_KEY)) {
      window.localStorage.setItem(ADMIN_LANGUAGE_KEY, 'id');
    }
  },
  bootstrap(_app: StrapiApp) {},
};
