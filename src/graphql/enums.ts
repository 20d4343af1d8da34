import { registerEnumType } from 'type-graphql';
import { LINK_DISPOSITIONS, MEDIA_FORMATS, RECORDING_STATUSES, SESSION_KINDS, STORAGE_KINDS } from '../domain/model';
import { PROVIDER_NAMES, type ProviderName } from '../domain/provider-name';
import { RECORDING_EVENT_TYPES } from '../domain/recording-event';

/** `{ A: 'A', ... }` from a list of names: the domain values are the GraphQL names. */
function selfEnum<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

/** GraphQL `Provider` (DAILY, ...) whose internal values are the ids' lowercase names. */
export const ProviderEnum = Object.fromEntries(PROVIDER_NAMES.map((p) => [p.toUpperCase(), p])) as {
  [P in ProviderName as Uppercase<P>]: P;
};
registerEnumType(ProviderEnum, { name: 'Provider', description: 'The vendor that holds a recording.' });

export const RecordingStatusEnum = selfEnum(RECORDING_STATUSES);
registerEnumType(RecordingStatusEnum, {
  name: 'RecordingStatus',
  description: "Normalized recording status; the vendor's own value is in `providerStatus`.",
  valuesConfig: {
    UNKNOWN: { description: 'A value the vendor does not document; see `providerStatus`.' },
    PROCESSING: { description: 'Stopped; the file is being processed or uploaded.' },
  },
});

export const MediaFormatEnum = selfEnum(MEDIA_FORMATS);
registerEnumType(MediaFormatEnum, { name: 'MediaFormat', description: 'File format of a recording or link.' });

export const SessionKindEnum = selfEnum(SESSION_KINDS);
registerEnumType(SessionKindEnum, { name: 'SessionKind', description: 'What a vendor session is: a meeting, a call or a conference.' });

export const StorageKindEnum = selfEnum(STORAGE_KINDS);
registerEnumType(StorageKindEnum, { name: 'StorageKind', description: 'Where a recording file is stored.' });

export const LinkDispositionEnum = selfEnum(LINK_DISPOSITIONS);
registerEnumType(LinkDispositionEnum, {
  name: 'LinkDisposition',
  description: 'How the link serves the file (Content-Disposition), where the vendor documents it.',
});

export const RecordingEventTypeEnum = selfEnum(RECORDING_EVENT_TYPES);
registerEnumType(RecordingEventTypeEnum, {
  name: 'RecordingEventType',
  description: "What happened to a recording, normalised across vendors; the vendor's own event is in `providerEvent`.",
  valuesConfig: {
    PROCESSING: { description: 'Stopped; the file is being processed or uploaded.' },
    READY: { description: 'The file is ready: `recording.accessLink` can be minted.' },
    RECOVERED: { description: 'Restored from the trash (Zoom).' },
  },
});
