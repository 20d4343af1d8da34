import type { Loaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';
import type { RequestHints } from '../providers/recording-provider';

/** What every resolver gets: this request's loaders and the enabled vendors. */
export interface GraphQLContext {
  requestId: string;
  loaders: Loaders;
  providers: ProviderRegistry;
  /** Filled from the operation before execution (src/server/link-hint-plugin.ts); the loaders see it. */
  hints: RequestHints;
}
