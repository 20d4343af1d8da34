import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface ConnectionDrain {
  /**
   * Shutting down: close every connection with no request in flight now, and each busy one
   * right after its current response.
   */
  start(): void;
}

/**
 * What graceful shutdown needs beyond fastify's close(): fastify closes the idle keep-alive
 * connections once, when close() starts, through Node's closeIdleConnections, which leaves
 * alone a connection that has not sent a request yet (a client's pre-opened socket) and
 * cannot see a busy one become idle later. Either would hold the shutdown open until the
 * grace period cuts it.
 */
export function trackConnections(app: FastifyInstance): ConnectionDrain {
  const open = new Set<Socket>();
  const inFlight = new WeakMap<Socket, number>();
  let draining = false;

  app.server.on('connection', (socket: Socket) => {
    // Accepted in the moment between the start of the shutdown and the listener closing.
    if (draining) {
      socket.destroy();
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  // Callback-style hooks: they run on every request, and an async hook costs fastify a
  // promise and its settling each (bench/README.md, "Own overhead").
  app.addHook('onRequest', (request, _reply, done) => {
    const socket = request.raw.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    done();
  });
  app.addHook('onResponse', (request, _reply, done) => {
    const socket = request.raw.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) reply.header('connection', 'close');
    done(null, payload);
  });

  return {
    start() {
      draining = true;
      for (const socket of open) {
        if (!inFlight.get(socket)) socket.destroy();
      }
    },
  };
}
