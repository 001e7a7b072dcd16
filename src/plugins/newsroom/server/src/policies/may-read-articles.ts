import { ARTICLE_UID } from '../constants';

type AdminPolicyContext = { state?: { userAbility?: { can(action: string, subject: string): boolean } } };

/**
 * The workflow's admin routes (stages, revisions, locks, the log) are for whoever may read articles in
 * the content manager. Strapi's `admin::hasPermissions` checks an action without its subject, which a
 * content-type permission never matches.
 */
export default (policyContext: AdminPolicyContext) =>
  Boolean(policyContext.state?.userAbility?.can('plugin::content-manager.explorer.read', ARTICLE_UID));
