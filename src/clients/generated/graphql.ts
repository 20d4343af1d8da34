/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the link serves the file (Content-Disposition), where the vendor documents it. */
export type LinkDisposition =
  | 'ATTACHMENT'
  | 'INLINE'
  | 'UNKNOWN';

/** File format of a recording or link. */
export type MediaFormat =
  | 'AAC'
  | 'CSV'
  | 'JPG'
  | 'JSON'
  | 'M4A'
  | 'MP3'
  | 'MP4'
  | 'TAR'
  | 'TXT'
  | 'VTT'
  | 'WAV'
  | 'WEBM';

/** The vendor that holds a recording. */
export type Provider =
  | 'BIRD'
  | 'CLOUDFLARE'
  | 'DAILY'
  | 'SIGNALWIRE'
  | 'ZOOM';

/** Narrows `Subscription.recordingEvents`; all given fields must match. */
export type RecordingEventFilter = {
  /** Only these vendors. */
  providers?: Array<Provider> | null | undefined;
  /** Only this session's events (a Session global id). */
  sessionId?: string | number | null | undefined;
  /** Only these event types. */
  types?: Array<RecordingEventType> | null | undefined;
};

/** What happened to a recording, normalised across vendors; the vendor's own event is in `providerEvent`. */
export type RecordingEventType =
  | 'DELETED'
  | 'FAILED'
  | 'PAUSED'
  /** Stopped; the file is being processed or uploaded. */
  | 'PROCESSING'
  /** The file is ready: `recording.accessLink` can be minted. */
  | 'READY'
  /** Restored from the trash (Zoom). */
  | 'RECOVERED'
  | 'RESUMED'
  | 'STARTED'
  | 'STOPPED';

/** Narrows `Query.recordings`; all given fields must match. */
export type RecordingFilter = {
  /** Only these vendors; the others are not called. Default: every configured vendor. */
  providers?: Array<Provider> | null | undefined;
  /** Only this session's recordings (a Session global id); lists only its vendor. */
  sessionId?: string | number | null | undefined;
  /** Only recordings that started (or, not started, were created) at or after this time. */
  startedAfter?: string | null | undefined;
  /** Only recordings that started (or, not started, were created) before this time. */
  startedBefore?: string | null | undefined;
  /** Only recordings in one of these statuses. */
  statuses?: Array<RecordingStatus> | null | undefined;
};

/** Normalized recording status; the vendor's own value is in `providerStatus`. */
export type RecordingStatus =
  | 'DELETED'
  | 'FAILED'
  | 'PAUSED'
  | 'PENDING'
  /** Stopped; the file is being processed or uploaded. */
  | 'PROCESSING'
  | 'READY'
  | 'RECORDING'
  /** A value the vendor does not document; see `providerStatus`. */
  | 'UNKNOWN';

/** What a vendor session is: a meeting, a call or a conference. */
export type SessionKind =
  | 'CALL'
  | 'CONFERENCE'
  | 'MEETING';

/** Where a recording file is stored. */
export type StorageKind =
  | 'AWS'
  | 'AZURE'
  | 'DIGITALOCEAN'
  | 'GCS'
  | 'PROVIDER_MANAGED'
  | 'SFTP';

export type ManyQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ManyQuery = { nodes: Array<
    | { provider: Provider, status: RecordingStatus, id: string, session: { name: string | null } | null, accessLink: { url: string, expiresAt: string | null } | null }
    | { id: string }
   | null> };

export type RecordingEventsSubscriptionVariables = Exact<{
  filter?: RecordingEventFilter | null | undefined;
}>;


export type RecordingEventsSubscription = { recordingEvents: { id: string, type: RecordingEventType, provider: Provider, providerEvent: string, occurredAt: string, recordingId: string | null, sessionId: string | null, recording: { id: string, status: RecordingStatus, accessLink: { url: string, expiresAt: string | null } | null } | null } };

export type RecordingQueryVariables = Exact<{
  id: string | number;
}>;


export type RecordingQuery = { recording: { id: string, provider: Provider, nativeId: string, status: RecordingStatus, providerStatus: string | null, format: MediaFormat | null, durationSecs: number | null, sizeBytes: number | null, startedAt: string | null, storage: { kind: StorageKind, bucket: string | null, path: string | null } | null, session: { id: string, kind: SessionKind, name: string | null, recordings: Array<{ id: string, status: RecordingStatus }> } | null, accessLink: { url: string, expiresAt: string | null, validForSecs: number | null, disposition: LinkDisposition } | null } | null };

export type SessionQueryVariables = Exact<{
  id: string | number;
}>;


export type SessionQuery = { session: { id: string, kind: SessionKind, name: string | null, startedAt: string | null, recordings: Array<{ id: string, format: MediaFormat | null, accessLink: { url: string, expiresAt: string | null } | null }> } | null };

export type TimelineQueryVariables = Exact<{
  filter?: RecordingFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TimelineQuery = { recordings: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, status: RecordingStatus, startedAt: string | null, session: { name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const ManyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Many"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"ids"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"ids"},"value":{"kind":"Variable","name":{"kind":"Name","value":"ids"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Recording"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManyQuery, ManyQueryVariables>;
export const RecordingEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"RecordingEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingEventFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordingEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerEvent"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordingId"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"recording"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"accessLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"validForSecs"},"value":{"kind":"IntValue","value":"600"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RecordingEventsSubscription, RecordingEventsSubscriptionVariables>;
export const RecordingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Recording"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recording"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"nativeId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"durationSecs"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"storage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"bucket"}},{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"validForSecs"},"value":{"kind":"IntValue","value":"600"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"validForSecs"}},{"kind":"Field","name":{"kind":"Name","value":"disposition"}}]}}]}}]}}]} as unknown as DocumentNode<RecordingQuery, RecordingQueryVariables>;
export const SessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Session"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"session"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"recordings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"accessLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"validForSecs"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SessionQuery, SessionQueryVariables>;
export const TimelineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Timeline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordingFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TimelineQuery, TimelineQueryVariables>;