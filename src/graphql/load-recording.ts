import type { GraphQLResolveInfo } from 'graphql';
import type { RecordingData } from '../domain/model';
import type { GraphQLContext } from './context';
import { plannedLinkValidities } from './selection';

/**
 * Loads a recording by canonical global id for a field that returns it (`recording`, `node`,
 * `nodes`, `_entities`), and starts at the same moment the link calls its selection will
 * make where the vendor needs only the id (Daily, Bird): the link is then one round trip
 * away, not two (docs/performance.md, "Prefetched links").
 */
export function loadRecording(canonical: string, ctx: GraphQLContext, info: GraphQLResolveInfo): Promise<RecordingData> {
  const loading = ctx.loaders.recording.load(canonical);
  ctx.loaders.prefetchLinks(canonical, plannedLinkValidities(info, 'Recording'));
  return loading;
}
