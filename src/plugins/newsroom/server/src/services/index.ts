import adSlots from './ad-slots';
import articleFields from './article-fields';
import articlePage from './article-page';
import authorPage from './author-page';
import cdnPurge from './cdn-purge';
import contentRows from './content-rows';
import feeds from './feeds';
import imageCrops from './image-crops';
import jobs from './jobs';
import locales from './locales';
import pageSettings from './page-settings';
import preview from './preview';
import readiness from './readiness';
import redirects from './redirects';
import relatedNews from './related-news';
import responseCache from './response-cache';
import schedule from './schedule';
import takedowns from './takedowns';
import whatsappFollow from './whatsapp-follow';
import activityLog from './workflow/activity-log';
import workflowActor from './workflow/actor';
import editLocks from './workflow/edit-locks';
import revisions from './workflow/revisions';
import workflow from './workflow/stages';
import wordpressImport from './wordpress-import';

export default {
  'ad-slots': adSlots,
  'article-fields': articleFields,
  'article-page': articlePage,
  'author-page': authorPage,
  'cdn-purge': cdnPurge,
  'content-rows': contentRows,
  feeds,
  'image-crops': imageCrops,
  jobs,
  locales,
  'page-settings': pageSettings,
  preview,
  readiness,
  redirects,
  'related-news': relatedNews,
  'response-cache': responseCache,
  schedule,
  takedowns,
  'whatsapp-follow': whatsappFollow,
  // The newsroom workflow (issue 15): stages, who is writing, the activity log, revisions, edit locks.
  workflow,
  'workflow-actor': workflowActor,
  'activity-log': activityLog,
  revisions,
  'edit-locks': editLocks,
  'wordpress-import': wordpressImport,
};
