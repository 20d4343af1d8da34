import type { Loaders } from '../loaders/create-loaders';
import type { ProviderRegistry } from '../providers/provider-registry';

/** What every resolver gets: this request's loaders and the enabled vendors. */
export interface GraphQLContext {
  requestId: string;
  loaders: Loaders;
  providers: ProviderRegistry;
}
