import { connect } from 'node:net';

/**
 * Sends raw bytes to an HTTP server and returns everything it answered until it closed the
 * connection (or `waitMs` passed): for requests no HTTP client would send, such as a header
 * over the size limit, a malformed request line, or two requests pipelined at once.
 */
export function sendRaw(baseUrl: string, bytes: string | Buffer, waitMs = 3_000): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? done() : reject(error)));
  });
}
