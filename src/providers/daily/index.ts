import { problem } from '../../config/env-readers';
import { DAILY_DEFAULTS, DAILY_RATE_CLASSES, type DailyConfig } from './daily.config';
import { defineVendor, webhookSecret } from '../vendor-module';
import { dailyWebhook } from './daily.webhook';
import type { DailyRecording } from './daily.api-types';
import { expectSegments, OPAQUE_TOKEN, uuidRule } from '../../ids/segment-rules';
import type { ProviderDeps } from '../shared/provider-deps';
import type { RecordingProvider } from '../recording-provider';
import type { CallContext } from '../../domain/call-context';
import { byGroup, eachKey } from '../shared/batch';
import { collectPages } from '../shared/collect-pages';
import { memoCall } from '../shared/memo';
import { DAILY_LIST_LIMIT, DailyClient } from './daily.client';
import { createDailyListing } from './daily.listing';
import { BadUserInputError } from '../../errors/coded-error';
import { ErrorCode } from '../../errors/error-codes';
import { ProviderError } from '../../errors/provider-error';
import {
  DAILY_CUSTOMER_BUCKET_LINK_SECS,
  dailySessionRef,
  inCustomerBucket,
  inDailyBucket,
  mapDailyAccessLink,
  mapDailyRecording,
  mapDailySession,
} from './daily.mapper';

/**
 * The most list pages one session load reads from a room (DAILY_LIST_LIMIT each: 1,000
 * recordings). At the about 2 requests/s a secondary source gives for Daily's list
 * endpoints, that is about five seconds of one room's paging.
 */
export const DAILY_ROOM_MAX_PAGES = 10;

/** Daily's ids are opaque (UUIDs in every example); room names are letters, digits, - and _. */
const RECORDING_ID = { name: 'recording id', pattern: OPAQUE_TOKEN };
const ROOM_NAME = { name: 'room name', pattern: OPAQUE_TOKEN };

/**
 * Daily: no batch endpoint by id, so recordings and links are one GET each (concurrent,
 * bounded by the pool). A session is a meeting session within a room: one paged list by
 * `room_name` per room serves every session asked for in that room (docs/vendors/daily.md#endpoints).
 */
export function createDailyProvider(config: DailyConfig, deps: ProviderDeps = {}): RecordingProvider {
  const client = new DailyClient(config, deps.rateStoreFor?.('daily'));
  const now = deps.now ?? Date.now;
  /** A recording as the domain stores it: in the customer bucket when one is configured. */
  const map = (raw: DailyRecording) => inDailyBucket(mapDailyRecording(raw), config.recordingsBucket);

  /**
   * Every recording of a room, for its sessions: Daily has no session filter, so the room's
   * list is paged to its end, at most DAILY_ROOM_MAX_PAGES pages. Daily rate-limits its list
   * endpoints harder than the rest (docs/vendors/daily.md, "Rate limits"), and the pages of
   * one room are sequential, so a bigger room is refused rather than paged for seconds.
   */
  const listRoom = (room: string, ctx: CallContext): Promise<DailyRecording[]> =>
    collectPages('daily', client.recordingPages({ room_name: room }, ctx), ctx, {
      idOf: (r) => r.id,
      maxPages: DAILY_ROOM_MAX_PAGES,
      whenMorePages: () =>
        new ProviderError(
          'daily',
          ErrorCode.UNSUPPORTED_BY_PROVIDER,
          `This Daily room has ${DAILY_ROOM_MAX_PAGES * DAILY_LIST_LIMIT} recordings or more, more than one session load reads (Daily has no session filter); list the session with Query.recordings(filter: { session }) instead.`,
        ),
    });

  /** The link call needs only the recording's id: memoized per request, so a prefetch and the later load share one call. */
  function accessLinkCall(id: string, validForSecs: number, ctx: CallContext) {
    return memoCall(ctx, `daily:link:${id}:${validForSecs}`, async () => {
      // When the call was sent, not when its answer is read: the granted validity counts from it.
      const sentAtMs = now();
      return { link: await client.getAccessLink(id, validForSecs, ctx), sentAtMs };
    });
  }

  return {
    name: 'daily',

    validateKey(type, segments, issued) {
      if (type === 'Recording') expectSegments('daily', type, segments, [[RECORDING_ID]], issued);
      else expectSegments('daily', type, segments, [[ROOM_NAME, uuidRule('mtgSessionId')]], issued);
    },

    getRecordings(keys, ctx) {
      return eachKey(keys, async ([id]) => map(await client.getRecording(id, ctx)));
    },

    getSessions(keys, ctx) {
      return byGroup(
        keys,
        ([room]) => room,
        (room) => room,
        (room) => memoCall(ctx, `daily:room:${room}`, () => listRoom(room, ctx)),
        (recordings, [room, mtgSessionId]) => {
          const session = mapDailySession(room, mtgSessionId, recordings);
          return session && { ...session, recordings: session.recordings.map((r) => inDailyBucket(r, config.recordingsBucket)) };
        },
      );
    },

    getAccessLinks(requests, ctx) {
      return eachKey(requests, async ({ recording, validForSecs, askedSecs }) => {
        const customerBucket = inCustomerBucket(recording);
        const secs = linkSecs(customerBucket, validForSecs, askedSecs);
        if (secs instanceof Error) throw secs;
        const { link, sentAtMs } = await accessLinkCall(recording.nativeId, secs, ctx);
        return mapDailyAccessLink(link, { validForSecs: secs, sentAtMs, customerBucket });
      });
    },

    prefetchAccessLinks(requests, ctx) {
      for (const { key, validForSecs, askedSecs } of requests) {
        // With a customer bucket configured, the validity getAccessLinks asks for that bucket's
        // recordings, so the prefetched call is the one it takes; one it refuses before any
        // call is not asked ahead: the link waits for the recording, as without prefetching.
        const secs = linkSecs(config.recordingsBucket !== undefined, validForSecs, askedSecs);
        if (secs instanceof Error) continue;
        // A recording's nativeId is its one key segment (mapDailyRecording).
        accessLinkCall(key[0], secs, ctx).catch(() => undefined);
      }
    },

    sessionRef: dailySessionRef,

    ...createDailyListing({ client, map }),

    circuitState: () => client.circuitState(),

    close: () => client.close(),
  };
}

/**
 * The validity to ask Daily for a link. For a recording in a customer's bucket, Daily would
 * refuse one outside 900..43200 s (get-recording-link): refused here, before any call, judged
 * by the validity the client asked (`askedSecs`, set when the cross-request cache asks for a
 * longer link), and the cache's longer wish is trimmed to what Daily grants there.
 */
function linkSecs(customerBucket: boolean, validForSecs: number, askedSecs = validForSecs): number | BadUserInputError {
  if (!customerBucket) return validForSecs;
  const { min, max } = DAILY_CUSTOMER_BUCKET_LINK_SECS;
  if (askedSecs < min || askedSecs > max) {
    return new BadUserInputError(
      `validForSecs must be from ${min} to ${max} (15 minutes to 12 hours) for a Daily recording in a customer's S3 bucket; it was ${askedSecs}.`,
      'daily',
    );
  }
  return Math.min(validForSecs, max);
}

/** S3 bucket names: 3..63 lower-case letters, digits, dots and hyphens (AWS bucket naming rules). */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Daily: its variables, secrets, defaults and webhook receiver, and its adapter. */
export const daily = defineVendor({
  name: 'daily',
  defaults: DAILY_DEFAULTS,
  rateClasses: DAILY_RATE_CLASSES,
  credentials: [{ field: 'apiKey', variable: 'DAILY_API_KEY', description: 'Daily API key (enables Daily)', secret: true }],
  url: { variable: 'DAILY_API_URL', description: 'Daily base URL' },
  options: [
    {
      field: 'bucket',
      variable: 'DAILY_RECORDINGS_BUCKET',
      description:
        'The customer S3 bucket the Daily domain stores recordings in (its `recordings_bucket`), if any: recordings show it as their storage, and their access links must then be valid 900 to 43200 s',
      valid: S3_BUCKET,
      invalid: 'must be an S3 bucket name.',
    },
    {
      field: 'region',
      variable: 'DAILY_RECORDINGS_BUCKET_REGION',
      description: 'The AWS region of DAILY_RECORDINGS_BUCKET',
      valid: AWS_REGION,
      invalid: 'must be an AWS region, e.g. us-west-2.',
    },
  ],
  toConfig: ({ common, values: { apiKey, bucket, region }, env }): DailyConfig => {
    if (bucket === undefined && region !== undefined) {
      problem(env, 'DAILY_RECORDINGS_BUCKET', 'is required because DAILY_RECORDINGS_BUCKET_REGION is set.');
    }
    const recordingsBucket = bucket === undefined ? undefined : region === undefined ? { name: bucket } : { name: bucket, region };
    return { ...common, apiKey, ...(recordingsBucket ? { recordingsBucket } : {}) };
  },
  webhook: webhookSecret(
    {
      field: 'secret',
      variable: 'DAILY_WEBHOOK_SECRET',
      description: 'The base64 `hmac` of the Daily webhook; enables POST /webhooks/daily',
      valid: (secret) => BASE64.test(secret) && Buffer.from(secret, 'base64').length >= 16,
      invalid: "must be the webhook's base64 `hmac` secret (at least 16 bytes once decoded).",
    },
    dailyWebhook,
  ),
  accountMaterial: (config) => [config.apiKey],
  create: createDailyProvider,
});
