import type { IncomingMessage, Server, ServerResponse } from 'http';

export type RequestTracker = {
  /** Requests received whose response has not ended yet. */
  readonly open: number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, and resolves once every open request has
   * answered or `graceMs` has passed, with how many were still open (the caller then cuts them).
   */
  drain(graceMs: number): Promise<{ unfinished: number }>;
};

/**
 * Follows an HTTP server's requests from arrival to the end of their response, so a shutdown can wait
 * for them instead of destroying their sockets. Only Node's http module: no Strapi, no Koa.
 */
export function trackRequests(server: Server): RequestTracker {
  const open = new Set<ServerResponse>();
  let draining = false;
  let settle: (() => void) | null = null;

  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    open.add(response);
    // A request arriving on a kept-alive socket during the drain is served, then its socket closed.
    if (draining) response.setHeader('Connection', 'close');
    // 'close' follows the end of the response, and also a client that went away first.
    response.once('close', () => {
      open.delete(response);
      if (open.size === 0) settle?.();
    });
  });

  return {
    get open() {
      return open.size;
    },
    async drain(graceMs: number) {
      draining = true;
      for (const response of open) if (!response.headersSent) response.setHeader('Connection', 'close');
      // Since Node 19, close() also ends the idle keep-alive sockets; busy ones end after their response.
      if (server.listening) server.close();
      if (open.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          settle = resolve;
          timer = setTimeout(resolve, graceMs);
        });
        clearTimeout(timer);
        settle = null;
      }
      return { unfinished: open.size };
    },
  };
}
