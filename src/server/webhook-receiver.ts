import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebhooksConfig } from '../config/config.types';
import { isProviderName } from '../domain/provider-name';
import type { EventProcessor } from '../live/event-processor';
import type { ReplayGuard } from '../live/replay-guard';
import type { VendorWebhooks } from '../live/vendor-webhooks';
import type { WebhookRequest } from '../providers/shared/webhook';

export interface WebhookReceiverOptions {
  config: WebhooksConfig;
  vendors: VendorWebhooks;
  replay: ReplayGuard;
  processor: EventProcessor;
}

function headersOf(request: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) out[name] = Array.isArray(value) ? value[0] : value;
  return out;
}

/**
 * The URL the vendor signed (SignalWire and Bird sign it): PUBLIC_URL (origin and any path
 * prefix a proxy strips) plus the path and query as received; without PUBLIC_URL, the
 * request's own scheme and Host.
 */
function publicUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return `${publicUrl ?? `${request.protocol}://${request.host}`}${request.url}`;
}

/**
 * POST /webhooks/<vendor>: verify on the raw body, refuse replays, answer, then process
 * (Zoom wants an answer within 3 seconds: nothing slow happens before the reply). In a
 * fastify context of its own: every body is kept as raw bytes, capped at
 * WEBHOOK_MAX_BODY_BYTES (larger is 413 before any check), and no API key applies (vendors
 * authenticate by signature). Nothing of a body or a secret is ever logged.
 */
export async function registerWebhookReceiver(app: FastifyInstance, options: WebhookReceiverOptions): Promise<void> {
  const { config, vendors, replay, processor } = options;
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.maxBodyBytes }, (_request, body, done) => done(null, body));

    scope.post<{ Params: { vendor: string } }>('/webhooks/:vendor', { bodyLimit: config.maxBodyBytes }, async (request, reply) => {
      const name = request.params.vendor;
      const vendor = isProviderName(name) ? vendors[name] : undefined;
      // No secret, no receiver: an unverified receiver is never offered.
      if (!vendor) return reply.code(404).send({ error: 'NOT_FOUND', message: 'No webhook receiver for this vendor on this server.' });
      const webhook: WebhookRequest = {
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        headers: headersOf(request),
        url: publicUrlOf(request, config.publicUrl),
        now: Date.now(),
        toleranceSecs: config.toleranceSecs,
      };
      let verdict;
      try {
        verdict = await vendor.verify(webhook);
      } catch {
        // Only RealtimeKit's key fetch can fail here; a 5xx makes the vendor retry later.
        request.log.warn({ vendor: name }, 'webhook refused: the verification key is unavailable');
        return reply.code(503).send({ error: 'UNAVAILABLE', message: 'Cannot verify webhooks right now.' });
      }
      if (!verdict.ok) {
        request.log.warn({ vendor: name, reason: verdict.reason }, 'webhook refused');
        return reply.code(401).send({ error: verdict.reason });
      }
      let first: boolean;
      try {
        first = await replay.firstSeen(`${name}:${verdict.deliveryId}`, verdict.rememberMs);
      } catch {
        request.log.warn({ vendor: name }, 'webhook refused: the replay store (Redis) is unavailable');
        return reply.code(503).send({ error: 'UNAVAILABLE', message: 'Cannot check for replays right now.' });
      }
      // 200 for a replay, so the vendor stops retrying; nothing else happens.
      if (!first) return reply.code(200).send({ status: 'duplicate' });
      const outcome = vendor.normalise(webhook, verdict.deliveryId);
      processor.enqueue(outcome);
      return reply.code(200).send(outcome.reply ?? { status: 'accepted', events: outcome.events.length });
    });
  });
}
