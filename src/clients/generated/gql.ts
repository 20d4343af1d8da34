/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Many($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    id\n    ... on Recording {\n      provider\n      status\n      session {\n        name\n      }\n      accessLink {\n        url\n        expiresAt\n      }\n    }\n  }\n}": typeof types.ManyDocument,
    "subscription RecordingEvents($filter: RecordingEventFilter) {\n  recordingEvents(filter: $filter) {\n    id\n    type\n    provider\n    providerEvent\n    occurredAt\n    recordingId\n    sessionId\n    recording {\n      id\n      status\n      accessLink(validForSecs: 600) {\n        url\n        expiresAt\n      }\n    }\n  }\n}": typeof types.RecordingEventsDocument,
    "query Recording($id: ID!) {\n  recording(id: $id) {\n    id\n    provider\n    nativeId\n    status\n    providerStatus\n    format\n    durationSecs\n    sizeBytes\n    startedAt\n    storage {\n      kind\n      bucket\n      path\n    }\n    session {\n      id\n      kind\n      name\n      recordings {\n        id\n        status\n      }\n    }\n    accessLink(validForSecs: 600) {\n      url\n      expiresAt\n      validForSecs\n      disposition\n    }\n  }\n}": typeof types.RecordingDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    id\n    kind\n    name\n    startedAt\n    recordings {\n      id\n      format\n      accessLink(validForSecs: 300) {\n        url\n        expiresAt\n      }\n    }\n  }\n}": typeof types.SessionDocument,
    "query Timeline($filter: RecordingFilter, $first: Int, $after: String) {\n  recordings(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        startedAt\n        session {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.TimelineDocument,
};
const documents: Documents = {
    "query Many($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    id\n    ... on Recording {\n      provider\n      status\n      session {\n        name\n      }\n      accessLink {\n        url\n        expiresAt\n      }\n    }\n  }\n}": types.ManyDocument,
    "subscription RecordingEvents($filter: RecordingEventFilter) {\n  recordingEvents(filter: $filter) {\n    id\n    type\n    provider\n    providerEvent\n    occurredAt\n    recordingId\n    sessionId\n    recording {\n      id\n      status\n      accessLink(validForSecs: 600) {\n        url\n        expiresAt\n      }\n    }\n  }\n}": types.RecordingEventsDocument,
    "query Recording($id: ID!) {\n  recording(id: $id) {\n    id\n    provider\n    nativeId\n    status\n    providerStatus\n    format\n    durationSecs\n    sizeBytes\n    startedAt\n    storage {\n      kind\n      bucket\n      path\n    }\n    session {\n      id\n      kind\n      name\n      recordings {\n        id\n        status\n      }\n    }\n    accessLink(validForSecs: 600) {\n      url\n      expiresAt\n      validForSecs\n      disposition\n    }\n  }\n}": types.RecordingDocument,
    "query Session($id: ID!) {\n  session(id: $id) {\n    id\n    kind\n    name\n    startedAt\n    recordings {\n      id\n      format\n      accessLink(validForSecs: 300) {\n        url\n        expiresAt\n      }\n    }\n  }\n}": types.SessionDocument,
    "query Timeline($filter: RecordingFilter, $first: Int, $after: String) {\n  recordings(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        startedAt\n        session {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.TimelineDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Many($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    id\n    ... on Recording {\n      provider\n      status\n      session {\n        name\n      }\n      accessLink {\n        url\n        expiresAt\n      }\n    }\n  }\n}"): (typeof documents)["query Many($ids: [ID!]!) {\n  nodes(ids: $ids) {\n    id\n    ... on Recording {\n      provider\n      status\n      session {\n        name\n      }\n      accessLink {\n        url\n        expiresAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RecordingEvents($filter: RecordingEventFilter) {\n  recordingEvents(filter: $filter) {\n    id\n    type\n    provider\n    providerEvent\n    occurredAt\n    recordingId\n    sessionId\n    recording {\n      id\n      status\n      accessLink(validForSecs: 600) {\n        url\n        expiresAt\n      }\n    }\n  }\n}"): (typeof documents)["subscription RecordingEvents($filter: RecordingEventFilter) {\n  recordingEvents(filter: $filter) {\n    id\n    type\n    provider\n    providerEvent\n    occurredAt\n    recordingId\n    sessionId\n    recording {\n      id\n      status\n      accessLink(validForSecs: 600) {\n        url\n        expiresAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Recording($id: ID!) {\n  recording(id: $id) {\n    id\n    provider\n    nativeId\n    status\n    providerStatus\n    format\n    durationSecs\n    sizeBytes\n    startedAt\n    storage {\n      kind\n      bucket\n      path\n    }\n    session {\n      id\n      kind\n      name\n      recordings {\n        id\n        status\n      }\n    }\n    accessLink(validForSecs: 600) {\n      url\n      expiresAt\n      validForSecs\n      disposition\n    }\n  }\n}"): (typeof documents)["query Recording($id: ID!) {\n  recording(id: $id) {\n    id\n    provider\n    nativeId\n    status\n    providerStatus\n    format\n    durationSecs\n    sizeBytes\n    startedAt\n    storage {\n      kind\n      bucket\n      path\n    }\n    session {\n      id\n      kind\n      name\n      recordings {\n        id\n        status\n      }\n    }\n    accessLink(validForSecs: 600) {\n      url\n      expiresAt\n      validForSecs\n      disposition\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Session($id: ID!) {\n  session(id: $id) {\n    id\n    kind\n    name\n    startedAt\n    recordings {\n      id\n      format\n      accessLink(validForSecs: 300) {\n        url\n        expiresAt\n      }\n    }\n  }\n}"): (typeof documents)["query Session($id: ID!) {\n  session(id: $id) {\n    id\n    kind\n    name\n    startedAt\n    recordings {\n      id\n      format\n      accessLink(validForSecs: 300) {\n        url\n        expiresAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Timeline($filter: RecordingFilter, $first: Int, $after: String) {\n  recordings(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        startedAt\n        session {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Timeline($filter: RecordingFilter, $first: Int, $after: String) {\n  recordings(filter: $filter, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        startedAt\n        session {\n          name\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;