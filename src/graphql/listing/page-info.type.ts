import { Field, ObjectType } from 'type-graphql';

@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where a connection page ends (Relay cursor connections).' })
export class PageInfoType {
  @Field(() => Boolean, { description: 'More recordings follow: pass `endCursor` as `after`.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Where the next page starts. Set whenever something is left to resume, even on a page with no edges (a vendor that failed or ended the page early); null when nothing is.',
  })
  endCursor!: string | null;
}
