// A typed client for recording-graph, as a frontend or backend would write one:
//   npm start                       (another terminal: the server in sandbox mode)
//   npm run example:client          (or: npm run example:client -- <endpoint> <recording id>)
// The document and its result type are generated from schema/schema.graphql and
// src/clients/operations by `npm run codegen`; `npm run typecheck` checks this file.
import { RecordingDocument } from '../src/clients/generated/graphql';
import { execute } from '../src/clients/request';

const DEMO_RECORDING = 'gid://recording-graph/Recording/daily/723d9fd5-a2e0-40c6-b953-a6deccdb0fd7';

async function main(): Promise<void> {
  const [endpoint = 'http://127.0.0.1:4000/graphql', id = DEMO_RECORDING] = process.argv.slice(2);
  // With API_KEYS on the server: execute(endpoint, RecordingDocument, { id }, { apiKey }).
  const { data, errors } = await execute(endpoint, RecordingDocument, { id });
  // A vendor failing costs its field only: data and errors can both be there.
  for (const e of errors) console.warn(`${e.extensions?.code ?? 'ERROR'} at ${e.path?.join('.') ?? '-'}: ${e.message}`);
  const recording = data?.recording;
  if (!recording) {
    console.log(`no recording ${id}`);
    process.exitCode = 1;
    return;
  }
  // Typed from the schema: a misspelt field does not compile, and the null cases must be handled.
  const link = recording.accessLink; // { url, expiresAt: string | null, validForSecs, ... } | null
  console.log(`${recording.provider} recording, ${recording.status}, ${recording.durationSecs ?? '?'} s, in session "${recording.session?.name ?? '-'}"`);
  console.log(link ? `link valid for ${link.validForSecs} s, until ${link.expiresAt ?? 'it never expires'}: ${link.url}` : 'no link');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
