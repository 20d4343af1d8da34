import type { ProvidersConfig } from '../src/app-config';
import { canHaveLink } from '../src/domain/link-rule';
import type { RecordingData } from '../src/domain/model';
import type { ProviderName } from '../src/domain/provider-name';
import { BirdClient } from '../src/providers/bird/bird.client';
import { mapBirdStatus } from '../src/providers/bird/bird.mapper';
import { CloudflareClient } from '../src/providers/cloudflare/cloudflare.client';
import { DailyClient } from '../src/providers/daily/daily.client';
import { mapDailyStatus } from '../src/providers/daily/daily.mapper';
import { SignalWireClient } from '../src/providers/signalwire/signalwire.client';
import { ZoomClient } from '../src/providers/zoom/zoom.client';
import { createZoomTokenSource } from '../src/providers/zoom/zoom.jwt';
import type { CallContext } from '../src/domain/call-context';

/**
 * The floor: the same data a scenario asks for, fetched by a plain script that calls the
 * vendor APIs directly (through the thin undici clients, no GraphQL, no loaders), with
 * ideal parallelism: every call starts as soon as what it needs is known, and a call is
 * made only once. Its call count is the minimum the vendors allow; its latency is the
 * fastest that data can be had. The demo sessions each fit in one list page.
 */
export interface Floor {
  /** Recordings by id, with (optionally) their session's data and a link each. */
  recordings(recordings: RecordingData[], want: { session: boolean; link: boolean }): Promise<void>;
  /** One session with its recordings and a link each. */
  session(provider: ProviderName, sessionKey: readonly string[], recordings: RecordingData[]): Promise<void>;
  close(): Promise<void>;
}

const ctx: CallContext = {};
const unique = <T>(items: T[]): T[] => [...new Set(items)];
const ignore = () => undefined;

export function createFloor(config: Required<ProvidersConfig>): Floor {
  const daily = new DailyClient(config.daily);
  const bird = new BirdClient(config.bird);
  const cloudflare = new CloudflareClient(config.cloudflare);
  const signalwire = new SignalWireClient(config.signalwire);
  const zoom = new ZoomClient(config.zoom, createZoomTokenSource(config.zoom.apiKey, config.zoom.apiSecret, Date.now));

  const linkable = (recs: RecordingData[]) => recs.filter((r) => canHaveLink(r.status));
  const perVendor: Record<string, (recs: RecordingData[], want: { session: boolean; link: boolean }) => Promise<unknown>> = {
    // Links are public URLs built from the body: no call. Sessions need the call or conference sid from the body.
    signalwire: (recs, want) =>
      Promise.all(recs.map((r) => signalwire.getRecording(r.nativeId, ctx))).then((bodies) =>
        want.session
          ? Promise.all(
              unique(bodies.map((b) => (b.conference_sid ? `conference:${b.conference_sid}` : `call:${b.call_sid}`))).map((s) => {
                const [kind, sid] = s.split(':');
                return signalwire.listRecordings(kind === 'conference' ? { ConferenceSid: sid } : { CallSid: sid }, ctx);
              }),
            )
          : [],
      ),
    // The id names the session; one call per session brings every file, the session's name and, with a ttl, the tokens.
    zoom: (recs, want) =>
      Promise.all(unique(recs.map((r) => r.key[0])).map((s) => zoom.getSessionRecordings(s, want.link ? 3600 : undefined, ctx))),
    // Links need only the id; the room list needs the room from the recording body. With
    // perfect knowledge, no link call for a recording the link rule refuses (src/domain/link-rule.ts).
    daily: (recs, want) =>
      Promise.all([
        Promise.all(recs.map((r) => daily.getRecording(r.nativeId, ctx))).then((bodies) =>
          want.session
            ? Promise.all(unique(bodies.map((b) => b.room_name!)).map((room) => daily.listRecordings({ room_name: room, limit: 100 }, ctx)))
            : [],
        ),
        want.link ? Promise.all(linkable(recs).map((r) => daily.getAccessLink(r.nativeId, 3600, ctx).catch(ignore))) : [],
      ]),
    bird: (recs, want) =>
      Promise.all([
        Promise.all(recs.map((r) => bird.getRecording(r.nativeId, ctx))).then((bodies) =>
          want.session
            ? Promise.all(unique(bodies.map((b) => b.sourceId)).map((sourceId) => bird.listRecordings({ sourceId, limit: 99 }, ctx)))
            : [],
        ),
        want.link ? Promise.all(linkable(recs).map((r) => bird.getMediaRedirect(r.nativeId, ctx))) : [],
      ]),
    // Links come with the recording body: no call.
    cloudflare: (recs, want) =>
      Promise.all(recs.map((r) => cloudflare.getRecording(r.nativeId, ctx))).then((bodies) =>
        want.session
          ? Promise.all(
              unique(bodies.map((b) => b.session_id).filter((s): s is string => !!s)).map((s) => cloudflare.getSession(s, ctx)),
            ).then((sessions) =>
              Promise.all(
                unique(sessions.map((s) => s.associated_id).filter((m): m is string => !!m)).map((m) =>
                  cloudflare.listRecordings({ meeting_id: m, page_no: 1, per_page: 100 }, ctx),
                ),
              ),
            )
          : [],
      ),
  };

  const sessionFloor: Record<string, (key: readonly string[], recs: RecordingData[]) => Promise<unknown>> = {
    signalwire: ([kind, sid]) => signalwire.listRecordings(kind === 'conference' ? { ConferenceSid: sid } : { CallSid: sid }, ctx),
    zoom: ([sessionId]) => zoom.getSessionRecordings(sessionId, 3600, ctx),
    daily: async ([room, mtgSessionId]) => {
      const list = await daily.listRecordings({ room_name: room, limit: 100 }, ctx);
      const mine = list.data.filter((r) => r.mtgSessionId === mtgSessionId);
      return Promise.all(
        mine.filter((r) => canHaveLink(mapDailyStatus(r.status))).map((r) => daily.getAccessLink(r.id, 3600, ctx).catch(ignore)),
      );
    },
    bird: async ([source, sourceId]) => {
      const list = await bird.listRecordings({ sourceId, limit: 99 }, ctx);
      const mine = (list.results ?? []).filter((r) => r.source === source);
      return Promise.all(mine.filter((r) => canHaveLink(mapBirdStatus(r.status))).map((r) => bird.getMediaRedirect(r.id, ctx)));
    },
    cloudflare: async ([sessionId]) => {
      const session = await cloudflare.getSession(sessionId, ctx);
      return session.associated_id
        ? cloudflare.listRecordings({ meeting_id: session.associated_id, page_no: 1, per_page: 100 }, ctx)
        : undefined;
    },
  };

  return {
    async recordings(recordings, want) {
      const byVendor = new Map<ProviderName, RecordingData[]>();
      for (const r of recordings) byVendor.set(r.provider, [...(byVendor.get(r.provider) ?? []), r]);
      await Promise.all([...byVendor].map(([p, recs]) => perVendor[p]?.(recs, want)));
    },
    async session(provider, key, recs) {
      await sessionFloor[provider]?.(key, recs);
    },
    async close() {
      await Promise.all([daily.close(), bird.close(), cloudflare.close(), signalwire.close(), zoom.close()]);
    },
  };
}
