/**
 * Request and response schemas (zod, Strapi's own copy from `@strapi/utils`): the custom routes
 * declare them (so `npm run openapi:generate` documents their parameters and answers), the
 * controllers and GraphQL resolvers call them through validate.ts, and nothing parses a query by hand.
 * The app imports this folder's index, never its files.
 */
export * from './admin-jobs';
export * from './article-queries';
export * from './responses';
export * from './reader-queries';
export * from './whatsapp-settings';
export * from './validate';
// The bilingual messages the app's controllers answer with (the plugin's one messages module).
export { articleMessages, localeMessages } from '../utils/messages';
export * from './workflow';
