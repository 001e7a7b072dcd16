import type { Core } from '@strapi/strapi';
import { newsroomConfig } from '../config';
import { trackRequests } from '../utils/operations/in-flight';

/**
 * On SIGTERM Strapi 5.54 calls `strapi.destroy()` and then `process.exit()` (core `utils/signals`).
 * destroy runs every plugin's destroy (GraphQL stops Apollo), then `server.destroy()`, which destroys
 * every socket at once, requests in flight included, and only then closes the database pool. What was
 * missing is the drain: stop accepting, let running requests answer, then cut. It wraps destroy itself
 * because destroy is the one step that runs before all of those, and `strapi.destroy()` in tests and
 * scripts drains the same way (at once, when nothing is in flight).
 */
export function drainBeforeDestroy(strapi: Core.Strapi) {
  const tracker = trackRequests(strapi.server.httpServer);
  const destroy = strapi.destroy.bind(strapi);
  let draining: Promise<void> | null = null;

  strapi.destroy = () => {
    draining ??= (async () => {
      const graceSeconds = newsroomConfig(strapi).shutdownGraceSeconds;
      if (tracker.open > 0) strapi.log.info(`[newsroom] shutting down: waiting for ${tracker.open} request(s)`);
      const { unfinished } = await tracker.drain(graceSeconds * 1000);
      if (unfinished > 0) {
        strapi.log.warn(`[newsroom] ${unfinished} request(s) still running after ${graceSeconds} s; cutting them`);
      }
      await destroy();
    })();
    return draining;
  };
}
