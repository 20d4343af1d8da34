import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../errors/error-codes';
import { MASKED_MESSAGE } from '../errors/format-error';

/** What a client is told for the body errors fastify finds before GraphQL sees the request. */
const BODY_ERRORS: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty: send a JSON object with `query` (and `variables`).',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE:
    'Unsupported content type: send the operation as `content-type: application/json`, or as a GET with `query` in the URL.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than this server accepts.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body does not match its Content-Length.',
};

/** The GraphQL error shape every answer of the GraphQL route has (docs/api.md, "Errors"). */
export function graphQLErrorBody(message: string, code: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * The GraphQL route's error handler, for what fails before Apollo runs (an empty or invalid
 * JSON body, a missing content type, a body over the limit): the same `errors[].extensions.code`
 * shape as every other answer, with a message of ours, and the HTTP status fastify chose.
 * Client errors are logged at debug by code only: never the body, never fastify's message.
 */
export function graphQLRouteErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: { name: error.name, code: error.code } }, 'the GraphQL route failed outside GraphQL');
    return reply.code(500).send(graphQLErrorBody(MASKED_MESSAGE, ErrorCode.INTERNAL_SERVER_ERROR));
  }
  request.log.debug({ code: error.code, statusCode: status }, 'refused a request body');
  const message = BODY_ERRORS[error.code] ?? 'The request could not be read.';
  return reply.code(status).send(graphQLErrorBody(message, 'BAD_REQUEST'));
}

/**
 * Node's HTTP parser refusing a request (a header over the size limit: 431; a malformed
 * request line or header; a timeout): answered in the GraphQL error shape and logged at
 * debug by the parser's code only. Fastify's own handler logs the error object at trace,
 * and with it `rawPacket`, the request's raw bytes (API key included) as an array of
 * numbers. Bound to the fastify instance (the `clientErrorHandler` option).
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  this.log.debug({ code: error.code, statusCode: status }, 'refused a request the HTTP parser could not read');
  const body = JSON.stringify(
    graphQLErrorBody(
      status === 431
        ? 'The request headers are too large.'
        : status === 408
          ? 'The request took too long to arrive.'
          : 'The request is not valid HTTP.',
      'BAD_REQUEST',
    ),
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
