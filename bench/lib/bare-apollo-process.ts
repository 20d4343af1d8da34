/**
 * The bare Apollo reference (bench/bare-apollo.ts) as a process of its own, for the
 * Mesh-shaped load (bench/latency.ts), started like the server (bench/lib/server-process.ts):
 * the Daily adapter config as JSON in BENCH_DAILY, the port in PORT; stops on SIGTERM.
 */
import { startBareApollo } from '../bare-apollo';

async function main(): Promise<void> {
  const bare = await startBareApollo(JSON.parse(process.env.BENCH_DAILY ?? '{}'), Number(process.env.PORT));
  process.once('SIGTERM', () => void bare.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
