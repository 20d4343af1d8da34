import type { ProviderName } from '../../domain/provider-name';
import { badResponse } from '../../errors/provider-error';
import { BudgetExceededError } from '../../domain/request-budget';
import type { CallContext } from '../../domain/call-context';

/** One page of a vendor list, as a client's page generator yields it. */
export interface VendorPage<T> {
  items: readonly T[];
  /**
   * What names the page that follows (a cursor, page token, page URI or page number), as the
   * generator will ask for it; null on the last page.
   */
  next: string | null;
}

/**
 * Most pages one listing loop reads for one field of one request. Memory is bounded before
 * it: the object budget (QUERY_MAX_OBJECTS) stops a list of full pages first; the cap
 * stops a vendor that pages on with few or no items (docs/limits.md).
 */
export const MAX_PAGES_PER_LIST = 100;

export interface CollectOptions<T> {
  /** The vendor's id of an item: how a page that repeats earlier ones is recognised. */
  idOf: (item: T) => string;
  /** A vendor's own, lower, page cap (Daily's room listing); MAX_PAGES_PER_LIST otherwise. */
  maxPages?: number;
  /** The error when more pages follow the last one read; BUDGET_EXCEEDED otherwise. */
  whenMorePages?: () => Error;
}

/**
 * Reads every page a vendor's page generator yields (a client's `…Pages` method, which
 * follows the vendor's own paging and says on which page it ends) into one list: the one
 * loop over vendor pages for the session listings (Daily room, SignalWire call or
 * conference, Bird source, Cloudflare meeting). Whatever the vendor sends, it ends:
 * - a page naming a `next` seen before, or bringing only items already read, is a loop:
 *   PROVIDER_BAD_RESPONSE naming the vendor (an item seen again among new ones is dropped,
 *   as offset paging repeats one when the list grows meanwhile);
 * - more than `maxPages` pages (`whenMorePages` says what that is, for a vendor with its
 *   own cap), or more items than the request may still materialise, or
 *   the request's deadline: BUDGET_EXCEEDED (src/domain/request-budget.ts).
 * Leaving the loop early closes the generator, so no further page is requested.
 */
export async function collectPages<T>(
  provider: ProviderName,
  pages: AsyncIterable<VendorPage<T>>,
  ctx: CallContext,
  options: CollectOptions<T>,
): Promise<T[]> {
  const { idOf, maxPages = MAX_PAGES_PER_LIST } = options;
  const items: T[] = [];
  const seenItems = new Set<string>();
  const seenPages = new Set<string>();
  let read = 0;
  for await (const page of pages) {
    read += 1;
    let fresh = 0;
    for (const item of page.items) {
      const id = idOf(item);
      if (seenItems.has(id)) continue;
      seenItems.add(id);
      items.push(item);
      fresh += 1;
    }
    if (page.items.length > 0 && fresh === 0) throw badResponse(provider, 'a list page repeats an earlier page: its paging loops');
    const left = ctx.budget?.objectsLeft();
    if (left !== undefined && items.length > left) throw ctx.budget!.objectsExceeded(provider);
    if (page.next === null) return items;
    if (seenPages.has(page.next)) throw badResponse(provider, 'a list page names an earlier page as the next: its paging loops');
    seenPages.add(page.next);
    if (read >= maxPages) {
      throw (
        options.whenMorePages?.() ??
        ctx.budget?.pagesExceeded(provider, maxPages) ??
        new BudgetExceededError('pages', `More than ${maxPages} pages to read for one field.`, provider)
      );
    }
    ctx.budget?.checkDeadline(provider);
  }
  return items;
}
