import { LRUCache } from 'lru-cache';
import { canHaveLink } from '../domain/link-rule';
import type { RecordingStatus } from '../domain/model';

/**
 * How many recordings the process remembers as last seen without a file to link. Each entry
 * is one canonical global id (about 100 bytes), so the whole memory stays near 1 MB.
 */
const REFUSED_LINKS_MAX = 10_000;

/**
 * The recordings this process last saw in a status the link rule refuses (src/domain/link-rule.ts),
 * by canonical Recording global id: a hint for the link prefetch only (docs/performance.md,
 * "Prefetched links"). A recording in it is not prefetched: its link waits for its own load,
 * as without prefetching, and the rule then answers with no link call. A hint that is out of
 * date costs at most that one wait (a recording that became READY) or one speculative call
 * (one that stopped being READY); it never decides an answer, and it holds no vendor body,
 * only ids.
 */
export class RefusedLinks {
  private readonly ids = new LRUCache<string, true>({ max: REFUSED_LINKS_MAX });

  /** Remembers what a loaded, listed or primed recording's status says (`id`: its canonical global id). */
  note(id: string, status: RecordingStatus): void {
    if (!canHaveLink(status)) this.ids.set(id, true);
    else if (this.ids.size > 0) this.ids.delete(id);
  }

  /** Whether the recording was last seen in a status that cannot have a link. */
  has(id: string): boolean {
    return this.ids.has(id);
  }
}
