import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { linkRefusal } from '../../domain/link-rule';
import type { AccessLinkData, RecordingData, SessionData, SessionRef, StorageConfigData } from '../../domain/model';
import type { ProviderName } from '../../domain/provider-name';
import { encodeGlobalId } from '../../ids/global-id';
import { AccessLinkType } from '../access-link/access-link.type';
import { checkValidForSecs, DEFAULT_VALID_FOR_SECS, MAX_VALID_FOR_SECS, MIN_VALID_FOR_SECS } from '../access-link/validity';
import type { GraphQLContext } from '../context';
import { ProviderEnum } from '../enums';
import { loadRecording } from '../load-recording';
import { handedOutId, resolveId } from '../resolve-id';
import { SESSION_REF_FIELDS, selectsOnly } from '../selection';
import { SessionType } from '../session/session.type';
import { StorageConfigType } from '../storage/storage-config.type';
import { RecordingType } from './recording.type';

@Resolver(() => RecordingType)
export class RecordingResolver {
  @Query(() => RecordingType, {
    nullable: true,
    description: 'A recording by global id; null with a NOT_FOUND error when the vendor has none.',
  })
  recording(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo): Promise<RecordingData> {
    return loadRecording(resolveId(id, ctx.providers, 'Recording').canonical, ctx, info);
  }

  @FieldResolver(() => ID)
  id(@Root() recording: RecordingData, @Ctx() ctx: GraphQLContext): string {
    return handedOutId('Recording', recording, ctx.providers);
  }

  @FieldResolver(() => ProviderEnum)
  provider(@Root() recording: RecordingData): ProviderName {
    return recording.provider;
  }

  @FieldResolver(() => StorageConfigType, { nullable: true })
  storage(@Root() recording: RecordingData): StorageConfigData | null {
    return recording.storage;
  }

  @FieldResolver(() => SessionType, { nullable: true, description: 'The session the recording belongs to.' })
  async session(
    @Root() recording: RecordingData,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SessionData | SessionRef | null> {
    if (!recording.sessionKey) return null;
    // What the recording already says is free; the session is loaded only for a field it alone has.
    const ref = selectsOnly(info, 'Session', SESSION_REF_FIELDS)
      ? ctx.providers[recording.provider]?.sessionRef(recording.sessionKey)
      : null;
    return ref ?? ctx.loaders.session.load(encodeGlobalId('Session', recording.provider, recording.sessionKey));
  }

  @FieldResolver(() => AccessLinkType, {
    nullable: true,
    description:
      'A download link, minted only when this field is selected. `expiresAt` and `validForSecs` say what the vendor really granted, which can differ from what was asked (see docs/api.md, "Access links"). Only READY recordings (and UNKNOWN ones, which the vendor decides) can have one: for any other status the field is null with an UNSUPPORTED_BY_PROVIDER error, and no vendor call is made. Null without an error when the vendor has no file to link.',
  })
  async accessLink(
    @Root() recording: RecordingData,
    @Arg('validForSecs', () => Int, {
      defaultValue: DEFAULT_VALID_FOR_SECS,
      nullable: true,
      description: `Requested validity, ${MIN_VALID_FOR_SECS}..${MAX_VALID_FOR_SECS} seconds.`,
    })
    validForSecs: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AccessLinkData | null> {
    const secs = checkValidForSecs(validForSecs);
    // The link rule (src/domain/link-rule.ts), for every vendor: a recording that cannot
    // have a file gets a coded error and costs no call. Checked here, on the recording the
    // field resolves on, so a link a loader fetched ahead of time is dropped just the same.
    const refusal = linkRefusal(recording);
    if (refusal) throw refusal;
    return ctx.loaders.accessLink.load({ recording, validForSecs: secs });
  }
}
