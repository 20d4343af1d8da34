import type { ProviderName } from '../domain/provider-name';
import type { ListPosition } from '../providers/recording-provider';

/** A vendor that has nothing more to list for this walk. */
export const DONE = 'done';

/**
 * Where one vendor's part of the timeline resumes: null before its first recording, a
 * position its adapter returned, or DONE.
 */
export type VendorState = ListPosition | null | typeof DONE;

/** Every included vendor's state: what a cursor carries. */
export type TimelineState = Partial<Record<ProviderName, VendorState>>;
