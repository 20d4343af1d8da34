import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { SessionKind } from '../../domain/model';
import { SessionKindEnum } from '../enums';
import { Node } from '../node/node.interface';

/**
 * What a vendor groups recordings under: Daily's meeting session in a room, SignalWire's
 * and Bird's call or conference, Zoom's session, Cloudflare's meeting session.
 */
@Directive('@key(fields: "id")')
@ObjectType('Session', {
  simpleResolvers: true,
  implements: Node,
  description: 'A meeting, call or conference whose recordings belong together.',
})
export class SessionType extends Node {
  @Field(() => ID, { description: "The vendor's own id of the session." })
  nativeId!: string;

  @Field(() => SessionKindEnum)
  kind!: SessionKind;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  durationSecs!: number | null;
}
