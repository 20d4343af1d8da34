import 'reflect-metadata';
import { meshShapedRun } from './latency';

/**
 * `npm run bench:mesh`: only the Mesh-shaped load of `npm run bench` (issue #16), for quick
 * iterations on the server's cost per request. Same settings and environment variables
 * (BENCH_MESH_ROUNDS, default 3; BENCH_MESH_NODE_FLAGS adds node flags to the server).
 */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const MESH_SECONDS = Number(process.env.BENCH_MESH_SECONDS ?? 10);
const MESH_CONNECTIONS = Number(process.env.BENCH_MESH_CONNECTIONS ?? 20);
const MESH_SPREAD = Number(process.env.BENCH_MESH_SPREAD ?? 2_000);
const MESH_ROUNDS = Number(process.env.BENCH_MESH_ROUNDS ?? 3);

meshShapedRun(LATENCY_MS, MESH_SECONDS, MESH_CONNECTIONS, MESH_SPREAD, MESH_ROUNDS).then(
  (lines) => console.log(lines.join('\n')),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
