import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** A GraphQL error as recording-graph sends it: `extensions.code` always, `provider` when a vendor was involved. */
export interface ClientError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; provider?: string };
}

export interface ClientResult<TData> {
  data: TData | null | undefined;
  errors: ClientError[];
}

export interface RequestOptions {
  /** `Authorization: Bearer <key>` when the server runs with API_KEYS. */
  apiKey?: string;
  signal?: AbortSignal;
}

/**
 * The whole client a frontend needs: POST one generated document with its variables and
 * get back data of the document's own result type. The compiler checks the variables
 * against the operation and every field read from the result against the schema the
 * types were generated from (`npm run codegen`).
 *
 * Provider-backed fields are nullable: a vendor failing yields `data` with a null there
 * plus an error at its `path`, so read both.
 */
export async function execute<TData, TVariables>(
  endpoint: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<ClientResult<TData>> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    signal: options.signal,
  });
  const body = (await res.json()) as { data?: TData | null; errors?: ClientError[] };
  return { data: body.data, errors: body.errors ?? [] };
}
