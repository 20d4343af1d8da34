import { request } from 'undici';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; provider?: string } }>;
  };
  raw: string;
}

/** POSTs a GraphQL operation over real HTTP, as a frontend does. */
export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await request(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await res.body.text();
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(raw), raw };
}
