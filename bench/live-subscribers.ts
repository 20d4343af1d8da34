import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The subscribers of `npm run bench:live`, in a process of their own (so their CPU is not
 * the server's): N graphql-ws connections, one subscription each. Reports to the parent
 * (fork IPC) when all are connected, and at the end each subscriber's count, duplicates and
 * the delivery latency (receipt time minus the event's `occurredAt`, which the driver sets
 * to its send time).
 */
const [url, countRaw] = process.argv.slice(2);
const count = Number(countRaw);
const QUERY = 'subscription { recordingEvents(filter: { providers: [ZOOM] }) { id occurredAt } }';

interface Sub {
  ids: Set<string>;
  received: number;
  duplicates: number;
}

const subs: Sub[] = [];
const latencies: number[] = [];
const clients: Client[] = [];
let acked = 0;
let errors = 0;

/** Opens one subscriber and resolves once its connection is acknowledged. */
function open(): Promise<void> {
  const sub: Sub = { ids: new Set(), received: 0, duplicates: 0 };
  subs.push(sub);
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 3,
    lazy: false,
    on: {
      connected: () => {
        acked += 1;
        connected();
      },
    },
  });
  clients.push(client);
  client.subscribe(
    { query: QUERY },
    {
      next: (result) => {
        const event = (result.data as { recordingEvents?: { id: string; occurredAt: string } } | undefined)?.recordingEvents;
        if (!event) {
          errors += 1;
          return;
        }
        sub.received += 1;
        if (sub.ids.has(event.id)) sub.duplicates += 1;
        sub.ids.add(event.id);
        // One in ten, so measuring does not weigh on the receiving.
        if (sub.received % 10 === 0) latencies.push(Date.now() - Date.parse(event.occurredAt));
      },
      error: () => void (errors += 1),
      complete: () => undefined,
    },
  );
  return ready;
}

/** In batches of 50: a thousand simultaneous handshakes would overflow the listen backlog. */
async function openAll(): Promise<void> {
  for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, open));
  process.send?.({ kind: 'connected', acked });
}
void openAll();

process.on('message', (message: { kind: string; expected?: number; timeoutMs?: number }) => {
  if (message.kind !== 'collect') return;
  const deadline = Date.now() + (message.timeoutMs ?? 30_000);
  const check = setInterval(() => {
    const done = subs.every((s) => s.received >= (message.expected ?? 0));
    if (!done && Date.now() < deadline) return;
    clearInterval(check);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
    process.send?.({
      kind: 'result',
      received: subs.map((s) => s.received),
      duplicates: subs.reduce((n, s) => n + s.duplicates, 0),
      errors,
      latency: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: latencies[latencies.length - 1] ?? NaN, samples: latencies.length },
    });
    void Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
  }, 50);
});
