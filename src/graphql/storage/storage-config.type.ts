import { Field, Int, ObjectType } from 'type-graphql';
import { StorageKindEnum } from '../enums';
import type { StorageKind } from '../../domain/model';

/** Where a file is stored. Secrets the vendor holds (keys, passwords) have no field, by design. */
@ObjectType('StorageConfig', { simpleResolvers: true })
export class StorageConfigType {
  @Field(() => StorageKindEnum)
  kind!: StorageKind;

  @Field(() => String, { nullable: true })
  bucket!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => String, { nullable: true, description: 'Path or key of the file within the storage.' })
  path!: string | null;

  @Field(() => String, { nullable: true, description: 'SFTP host.' })
  host!: string | null;

  @Field(() => Int, { nullable: true, description: 'SFTP port.' })
  port!: number | null;

  @Field(() => String, { nullable: true, description: 'SFTP user name (never a password or key).' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'SFTP authentication method as the vendor names it (KEY, PASSWORD).' })
  authMethod!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether files may be streamed inline from the storage.' })
  streamingAllowed!: boolean | null;
}
