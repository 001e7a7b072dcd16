import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { principalOf, type Principal } from '../../utils/workflow/principal';

/**
 * What a write carries beyond its Document Service params: who asked when no request says so (a
 * scheduled job, an import run as its operator), which action the log should name (restore), and the
 * note of a stage change. One store per call chain (AsyncLocalStorage), so concurrent requests never see
 * each other's intent.
 */
export type WriteIntent = { principal?: Principal; action?: string; note?: string | null };
const intents = new AsyncLocalStorage<WriteIntent>();

export const currentIntent = (): WriteIntent => intents.getStore() ?? {};

/** Runs `work` with `intent` added to the current one (the nested call's values win). */
export function withIntent<T>(intent: WriteIntent, work: () => Promise<T>): Promise<T> {
  return intents.run({ ...currentIntent(), ...intent }, work);
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Who the current write is by: the request's admin user or token, else a `runAs` name, else "sistem". */
  principal(): Principal {
    const intent = currentIntent();
    if (intent.principal) return intent.principal;
    return principalOf(strapi.requestContext.get() as never);
  },
  /**
   * Document Service calls in `work` are attributed to `name` (a system job: "scheduled publish",
   * "import wordpress") in revisions and the activity log; `roles` default to `system`. Issue 14's job
   * runner can pass the scheduler's roles, so a scheduled publish meets the same approval rule.
   */
  runAs<T>(name: string, work: () => Promise<T>, roles: string[] = ['system']): Promise<T> {
    return withIntent({ principal: { kind: 'system', id: null, name, roles } }, work);
  },
});
