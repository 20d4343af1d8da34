import { Field, Int, ObjectType } from 'type-graphql';
import { LinkDispositionEnum, MediaFormatEnum } from '../enums';
import type { LinkDisposition, MediaFormat } from '../../domain/model';

@ObjectType('AccessLink', {
  simpleResolvers: true,
  description: 'A download link, minted when asked for. Do not store it: ask again when needed.',
})
export class AccessLinkType {
  @Field(() => String, { description: 'The URL exactly as the vendor issued it. It is a bearer credential.' })
  url!: string;

  @Field(() => Date, { nullable: true, description: 'When the vendor stops honouring the link; null only when it never expires.' })
  expiresAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds of validity the vendor actually granted (may differ from what was asked); null when it never expires.',
  })
  validForSecs!: number | null;

  @Field(() => MediaFormatEnum, { nullable: true })
  format!: MediaFormat | null;

  @Field(() => LinkDispositionEnum)
  disposition!: LinkDisposition;
}
