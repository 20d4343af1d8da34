import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * One worker of `npm run bench:live`'s subscribers, in a process of its own (so receiving
 * does not take the server's CPU, and several workers share the receiving): graphql-ws
 * connections spread round-robin over the replicas' URLs, one subscription each. Reports to
 * the driver (fork IPC) when all are connected, and at the end each subscriber's count,
 * duplicates, errors, the time of its last delivery, its own CPU time, and the delivery
 * latency (receipt minus the event's `occurredAt`, which the sender sets to its send time).
 */
const [urlsRaw, countRaw] = process.argv.slice(2);
const urls = urlsRaw.split(',');
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
let lastAt = 0;

/** Opens one subscriber and resolves once its connection is acknowledged. */
function open(url: string): Promise<void> {
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
        lastAt = Date.now();
        // One in ten, so measuring does not weigh on the receiving.
        if (sub.received % 10 === 0) latencies.push(lastAt - Date.parse(event.occurredAt));
      },
      error: () => void (errors += 1),
      complete: () => undefined,
    },
  );
  return ready;
}

/** In batches of 50: a thousand simultaneous handshakes would overflow the listen backlog. */
async function openAll(): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => open(urls[(i + j) % urls.length])));
  }
  process.send?.({ kind: 'connected', acked });
}
void openAll();

process.on('message', (message: { kind: string; expected?: number; timeoutMs?: number }) => {
  if (message.kind === 'cpu') {
    const cpu = process.cpuUsage();
    process.send?.({ kind: 'cpu', cpuMs: (cpu.user + cpu.system) / 1000 });
    return;
  }
  if (message.kind !== 'collect') return;
  const deadline = Date.now() + (message.timeoutMs ?? 30_000);
  const check = setInterval(() => {
    const done = subs.every((s) => s.received >= (message.expected ?? 0));
    if (!done && Date.now() < deadline) return;
    clearInterval(check);
    const cpu = process.cpuUsage();
    const result = {
      kind: 'result',
      received: subs.map((s) => s.received),
      duplicates: subs.reduce((n, s) => n + s.duplicates, 0),
      errors,
      lastAt,
      cpuMs: (cpu.user + cpu.system) / 1000,
      latencies,
    };
    // Exits only once the (large) result has left: an exit cuts an IPC message in flight.
    process.send?.(result, undefined, {}, () => void Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0)));
  }, 50);
});
