import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RecordingData, SessionData, SessionRef } from '../../domain/model';
import type { ProviderName } from '../../domain/provider-name';
import type { GraphQLContext } from '../context';
import { ProviderEnum } from '../enums';
import { RecordingType } from '../recording/recording.type';
import { handedOutId, resolveId } from '../resolve-id';
import { SessionType } from './session.type';

@Resolver(() => SessionType)
export class SessionResolver {
  @Query(() => SessionType, {
    nullable: true,
    description: 'A session by global id; null with a NOT_FOUND error when the vendor has none.',
  })
  session(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SessionData> {
    return ctx.loaders.session.load(resolveId(id, ctx.providers, 'Session').canonical);
  }

  @FieldResolver(() => ID)
  id(@Root() session: SessionRef, @Ctx() ctx: GraphQLContext): string {
    return handedOutId('Session', session, ctx.providers);
  }

  @FieldResolver(() => ProviderEnum)
  provider(@Root() session: SessionRef): ProviderName {
    return session.provider;
  }

  @FieldResolver(() => [RecordingType], { description: 'Every recording of the session, from one vendor list call.' })
  recordings(@Root() session: SessionData): RecordingData[] {
    return session.recordings;
  }
}
