/** Scenario 1's query (bench/run.ts, bench/overhead-split.ts): one recording by id, no session, no link. */
export const ONE_QUERY = `query One($id: ID!) { recording(id: $id) { id status durationSecs startedAt } }`;
