import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';

/**
 * The vendor of `npm run bench:live`, in a process of its own: RATE signed Zoom webhooks a
 * second for SECONDS, paced on the clock (a slow answer does not lower the offered rate).
 * Each event's `event_ts` is its send time, so the subscribers can measure delivery latency.
 */
const [url, token, rateRaw, secondsRaw] = process.argv.slice(2);
const RATE = Number(rateRaw);
const SECONDS = Number(secondsRaw);

function delivery(n: number, sessionId: string): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    event: 'session.recording_completed',
    event_ts: Date.now(),
    payload: {
      account_id: 'bench',
      object: { session_id: sessionId, recording_files: [{ id: `file-${n}-${randomUUID()}`, file_type: 'MP4', status: 'completed' }] },
    },
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', token).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { body, headers: { 'content-type': 'application/json', 'x-zm-signature': signature, 'x-zm-request-timestamp': ts } };
}

async function main(): Promise<void> {
  const agent = new Agent({ connections: 16 });
  const sessionId = randomBytes(16).toString('base64');
  const total = RATE * SECONDS;
  const started = Date.now();
  let refused = 0;
  const posts: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / RATE - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const d = delivery(n, sessionId);
    posts.push(
      request(url, { method: 'POST', headers: d.headers, body: d.body, dispatcher: agent }).then(
        async (res) => {
          await res.body.dump();
          if (res.statusCode !== 200) refused += 1;
        },
        () => void (refused += 1),
      ),
    );
  }
  const sentSeconds = (Date.now() - started) / 1000;
  await Promise.all(posts);
  await agent.close();
  process.send?.({ kind: 'sent', total, refused, sentSeconds });
}

void main();
