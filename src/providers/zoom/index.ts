import { ZOOM_DEFAULTS, ZOOM_RATE_CLASSES, type ZoomConfig } from './zoom.config';
import { defineVendor, webhookSecret } from '../vendor-module';
import { zoomWebhook } from './zoom.webhook';
import { expectSegments } from '../../ids/segment-rules';
import type { RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup } from '../shared/batch';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { ZoomSessionRecordings } from './zoom.api-types';
import { ZOOM_MAX_TTL_SECS, ZoomClient } from './zoom.client';
import { createZoomTokenSource } from './zoom.jwt';
import { createZoomListing } from './zoom.listing';
import { zoomSessionRef, mapZoomAccessLink, mapZoomFile, mapZoomSession, ZOOM_FILE_ID, ZOOM_SESSION_ID, zoomFiles } from './zoom.mapper';

const SESSION_ID = { name: 'session id', pattern: ZOOM_SESSION_ID };
const FILE_ID = { name: 'recording file id', pattern: ZOOM_FILE_ID };

interface Fetched {
  body: ZoomSessionRecordings;
  /** When the call was made: a download token lives `ttl` seconds from then. */
  at: number;
}

/**
 * The ttl asked of Zoom: the validity wanted, within Zoom's documented 0..604800. A longer
 * wish gets the 7 days Zoom allows, and the link says so (validForSecs = what was granted).
 */
const ttlFor = (validForSecs: number): number => Math.min(ZOOM_MAX_TTL_SECS, Math.max(0, Math.floor(validForSecs)));

/**
 * Keys are built from the session id we asked for (it passed validateKey), not the one in
 * the body: Zoom's webhook examples show numeric session ids where REST sends strings
 * (docs/vendors/zoom.md#ids), and every id we hand out must round-trip.
 */
const asAsked = (sessionId: string, body: ZoomSessionRecordings): ZoomSessionRecordings => ({ ...body, session_id: sessionId });

/**
 * Zoom: the session is the unit (there is no single-file GET). One call returns every file
 * of a session and, with a ttl, a download token for all of them, so recordings and
 * sessions are grouped by session and links by (session, ttl), each group one call,
 * memoized per request. When the operation says up front which validity its links will
 * ask for (ctx.hints), the first call already mints the token and the links cost nothing more.
 */
export function createZoomProvider(config: ZoomConfig, deps: ProviderDeps = {}): RecordingProvider {
  const now = deps.now ?? Date.now;
  // The API JWT cache: one entry per provider instance, reused until 5 minutes before it
  // expires. Sharing it across requests is safe: it is our own credential, the same for
  // every request, and holds nothing of any caller's.
  const client = new ZoomClient(config, createZoomTokenSource(config.apiKey, config.apiSecret, now), deps.rateStoreFor?.('zoom'));

  const fetchWithTtl = (sessionId: string, ttl: number, ctx: CallContext): Promise<Fetched> =>
    memoCall(ctx, `zoom:session:${sessionId}:ttl:${ttl}`, async () => {
      const at = now();
      return { body: asAsked(sessionId, await client.getSessionRecordings(sessionId, ttl, ctx)), at };
    });

  /** The one call serving getRecordings and getSessions for a session in a request. */
  const fetchSession = (sessionId: string, ctx: CallContext): Promise<Fetched> =>
    memoCall(ctx, `zoom:session:${sessionId}`, async () => {
      const wanted = ctx.hints?.linkValidForSecs;
      if (wanted !== undefined) return fetchWithTtl(sessionId, ttlFor(wanted), ctx);
      const at = now();
      return { body: asAsked(sessionId, await client.getSessionRecordings(sessionId, undefined, ctx)), at };
    });

  return {
    name: 'zoom',

    validateKey(type, segments, issued) {
      if (type === 'Recording') expectSegments('zoom', type, segments, [[SESSION_ID, FILE_ID]], issued);
      else expectSegments('zoom', type, segments, [[SESSION_ID]], issued);
    },

    // A trashed file is not in its session's answer (only the trash=true list has it): null.
    getRecordings(keys, ctx) {
      return byGroup(
        keys,
        ([sessionId]) => sessionId,
        (sessionId) => sessionId,
        (sessionId) => fetchSession(sessionId, ctx),
        ({ body }, [, fileId]) => {
          const file = zoomFiles(body).find((f) => f.id === fileId);
          return file ? mapZoomFile(file, body) : null;
        },
      );
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([sessionId]) => sessionId,
        (sessionId) => sessionId,
        (sessionId) => fetchSession(sessionId, ctx),
        ({ body }) => mapZoomSession(body),
      );
    },

    sessionRef: zoomSessionRef,

    getAccessLinks(requests, ctx) {
      return byGroup(
        requests,
        ({ recording, validForSecs }) => ({ sessionId: recording.key[0], ttl: ttlFor(validForSecs) }),
        ({ sessionId, ttl }) => `${ttl}:${sessionId}`,
        ({ sessionId, ttl }) => fetchWithTtl(sessionId, ttl, ctx),
        ({ body, at }, { recording, validForSecs }) => {
          const file = zoomFiles(body).find((f) => f.id === recording.nativeId);
          return file ? mapZoomAccessLink(file, body.download_access_token, ttlFor(validForSecs), at) : null;
        },
      );
    },

    ...createZoomListing({ client, now, fetchSession: async (sessionId, ctx) => (await fetchSession(sessionId, ctx)).body }),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}

/** Zoom: its variables, secrets, defaults and webhook receiver, and its adapter. */
export const zoom = defineVendor({
  name: 'zoom',
  defaults: ZOOM_DEFAULTS,
  rateClasses: ZOOM_RATE_CLASSES,
  credentials: [
    { field: 'apiKey', variable: 'ZOOM_API_KEY', description: 'Zoom Video SDK API key (enables Zoom with the secret)' },
    { field: 'apiSecret', variable: 'ZOOM_API_SECRET', description: 'Zoom Video SDK API secret (signs the API JWT)', secret: true },
  ],
  url: { variable: 'ZOOM_API_URL', description: 'Zoom base URL' },
  toConfig: ({ common, values: { apiKey, apiSecret } }): ZoomConfig => ({ ...common, apiKey, apiSecret }),
  webhook: webhookSecret(
    {
      field: 'secretToken',
      variable: 'ZOOM_WEBHOOK_SECRET_TOKEN',
      description: 'Zoom Video SDK app Secret Token; enables POST /webhooks/zoom',
    },
    zoomWebhook,
  ),
  accountMaterial: (config) => [config.apiKey, config.apiSecret],
  create: createZoomProvider,
});
