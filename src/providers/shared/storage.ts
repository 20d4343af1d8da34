import type { StorageConfigData } from '../../domain/model';

/** A file in the vendor's own storage, of which at most the path is known. */
export function providerManagedStorage(fields: Partial<Omit<StorageConfigData, 'kind'>> = {}): StorageConfigData {
  return {
    kind: 'PROVIDER_MANAGED',
    bucket: null,
    region: null,
    path: null,
    host: null,
    port: null,
    username: null,
    authMethod: null,
    streamingAllowed: null,
    ...fields,
  };
}
