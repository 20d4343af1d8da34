import type { ProviderName } from '../domain/provider-name';
import type { ListedRecording, ListFilter, ListPosition, RecordingProvider } from '../providers/recording-provider';
import type { CallContext } from '../domain/call-context';
import { DONE, type VendorState } from './timeline-state';
import { BadUserInputError } from '../errors/coded-error';

/**
 * One vendor's part of a timeline page: what it returned and has not been emitted yet, and
 * where it resumes. Its recordings are consumed strictly in the order the vendor gave them,
 * so each is emitted once even if a vendor's own order were off.
 */
export class VendorStream {
  readonly name: ProviderName;
  /** Vendor calls made for this page. */
  calls = 0;
  /** Set when a call failed: the vendor contributes nothing more to this page. */
  failure: unknown;
  private buffer: ListedRecording[] = [];
  /** Where the next call starts: the start state, then each answer's `next`. */
  private from: ListPosition | null;
  private exhausted = false;
  /** Resumes right after the last emitted recording (the start state before any). */
  private resume: VendorState;

  constructor(
    private readonly provider: RecordingProvider,
    private readonly filter: ListFilter,
    start: ListPosition | null,
  ) {
    this.name = provider.name;
    this.from = start;
    this.resume = start;
  }

  /** Nothing buffered: the next recording is unknown until the vendor is asked again. */
  get drained(): boolean {
    return this.buffer.length === 0;
  }

  /** Drained, with more at the vendor and no failure: must be asked before the page goes on. */
  get needsCall(): boolean {
    return this.drained && !this.exhausted && this.failure === undefined;
  }

  /** Something is left for a later page (a failed vendor is retried by the next page anyway). */
  get hasMore(): boolean {
    return this.failure === undefined && !(this.drained && this.exhausted);
  }

  head(): ListedRecording {
    return this.buffer[0];
  }

  take(): ListedRecording {
    const item = this.buffer.shift()!;
    this.resume = item.position;
    return item;
  }

  /**
   * Where a cursor made now resumes this vendor. Drained, everything it returned was
   * emitted, so its last `next` (which skips what the vendor looked at and filtered out)
   * or DONE; otherwise right after the last emitted recording.
   */
  state(): VendorState {
    if (this.drained) return this.exhausted ? DONE : this.from;
    return this.resume;
  }

  /**
   * One vendor call; a vendor's failure is kept, not thrown, so the other vendors' page goes
   * on. A position the adapter refuses (BadUserInputError from `readPosition`) is the
   * client's cursor at fault, not the vendor: it fails the request. Cursors' positions are
   * checked by `parseListPosition` before any call (timeline-connection.ts), so this is
   * only a backstop for an adapter that reads more strictly than it parses.
   */
  async fetch(limit: number, ctx: CallContext): Promise<void> {
    this.calls += 1;
    try {
      const page = await this.provider.listRecordings({ filter: this.filter, limit, after: this.from }, ctx);
      // What the vendor handed over counts in the request's budget; past it, this vendor
      // stops here (a partial error) and resumes from the cursor on a later request.
      ctx.budget?.spendObjects(page.items.length, this.name);
      this.buffer = [...page.items];
      this.from = page.next;
      this.exhausted = page.next === null;
    } catch (error) {
      if (error instanceof BadUserInputError) throw error;
      this.failure = error;
    }
  }
}
