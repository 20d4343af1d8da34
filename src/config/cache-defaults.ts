/**
 * The cross-request cache's defaults (docs/caching-and-rate-limits.md):
 * - a recording in a final state (READY, FAILED, DELETED) is reused for 5 minutes: it can
 *   still be deleted, and a webhook (when configured) invalidates it sooner;
 * - one still changing for 2 s, enough to absorb a burst of readers, short enough that a
 *   poller sees the change within a poll or two;
 * - 10,000 entries or 64 MiB, whichever comes first;
 * - a link is reused while it has between 1 and 1.5 times the validity asked left.
 */
export const CACHE_DEFAULTS = {
  ttlSecs: 300,
  changingTtlSecs: 2,
  maxEntries: 10_000,
  maxBytes: 64 * 1024 * 1024,
  linkSlackPercent: 50,
};
