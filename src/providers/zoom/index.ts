import type { ZoomConfig } from '../../config/config.types';
import { expectSegments } from '../../ids/segment-rules';
import type { CallContext, RecordingProvider } from '../recording-provider';
import { byGroup } from '../shared/batch';
import { memoCall } from '../shared/memo';
import type { ProviderDeps } from '../shared/provider-deps';
import type { ZoomSessionRecordings } from './zoom.api-types';
import { ZoomClient } from './zoom.client';
import { mapZoomAccessLink, mapZoomFile, mapZoomSession, zoomFiles } from './zoom.mapper';

/** Base64-like session ids (`sfk/aOFJSJSYhGwk1hnxgw==`): `/`, `+`, `=` allowed, never a dot. */
const SESSION_ID = { name: 'session id', pattern: /^[A-Za-z0-9+/=_-]{1,128}$/ };
const FILE_ID = { name: 'recording file id', pattern: /^[A-Za-z0-9_-]{1,128}$/ };

interface Fetched {
  body: ZoomSessionRecordings;
  /** When the call was made: a download token lives `ttl` seconds from then. */
  at: number;
}

/**
 * Zoom: the session is the unit. One call returns every file of a session and, with a ttl,
 * a download token for all of them, so recordings and sessions are keyed by session and
 * links by (session, ttl). When the operation says up front which validity its links
 * will ask for (ctx.hints), the first call already mints the token and the links cost
 * nothing more.
 */
export function createZoomProvider(config: ZoomConfig, deps: ProviderDeps = {}): RecordingProvider {
  const now = deps.now ?? Date.now;
  const client = new ZoomClient(config, now);

  const fetchWithTtl = (sessionId: string, ttl: number, ctx: CallContext): Promise<Fetched> =>
    memoCall(ctx, `zoom:session:${sessionId}:ttl:${ttl}`, async () => {
      const at = now();
      return { body: await client.getSessionRecordings(sessionId, ttl, ctx), at };
    });

  const fetchSession = (sessionId: string, ctx: CallContext): Promise<Fetched> =>
    memoCall(ctx, `zoom:session:${sessionId}`, async () => {
      const ttl = ctx.hints?.linkValidForSecs;
      if (ttl !== undefined) return fetchWithTtl(sessionId, ttl, ctx);
      const at = now();
      return { body: await client.getSessionRecordings(sessionId, undefined, ctx), at };
    });

  return {
    name: 'zoom',

    validateKey(type, segments) {
      if (type === 'Recording') expectSegments('zoom', type, segments, [[SESSION_ID, FILE_ID]]);
      else expectSegments('zoom', type, segments, [[SESSION_ID]]);
    },

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

    getAccessLinks(requests, ctx) {
      return byGroup(
        requests,
        ({ recording, validForSecs }) => ({ sessionId: recording.key[0], ttl: validForSecs }),
        ({ sessionId, ttl }) => `${ttl}:${sessionId}`,
        ({ sessionId, ttl }) => fetchWithTtl(sessionId, ttl, ctx),
        ({ body, at }, { recording, validForSecs }) => {
          const file = zoomFiles(body).find((f) => f.id === recording.nativeId);
          return file ? mapZoomAccessLink(file, body.download_access_token, validForSecs, at) : null;
        },
      );
    },

    close: () => client.close(),
  };
}
