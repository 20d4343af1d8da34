import type { RecordingEventData } from '../../src/domain/recording-event';

/** A normalised event `e<n>` (Daily, READY, recording `r<n>`), for tests of the live layer. */
export const recordingEvent = (n: number, over: Partial<RecordingEventData> = {}): RecordingEventData => ({
  id: `e${n}`,
  type: 'READY',
  provider: 'daily',
  occurredAt: '2026-06-03T10:00:00.000Z',
  providerEvent: 'recording.ready-to-download',
  recordingKey: [`r${n}`],
  sessionKey: null,
  ...over,
});
