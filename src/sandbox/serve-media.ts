import parseRange from 'range-parser';
import type { EmulatorRequest, EmulatorResponse } from './emulator';
import type { MediaFile } from './media-files';

/**
 * A GET or HEAD of a media file the way object storage answers it (RFC 9110 §14; S3's and
 * R2's GetObject): `Accept-Ranges: bytes`, one byte range answered 206 with `Content-Range`
 * (`bytes=0-99`, open-ended `bytes=100-`, suffix `bytes=-100`), 416 with a `Content-Range` giving only the size when
 * no range can be satisfied. A Range header that is malformed, not in bytes, or asks for
 * several ranges (any comma, adjacent or overlapping ones too) is ignored and the whole file
 * sent, 200 (RFC 9110 allows it; S3 does not serve multipart ranges). `headers` are added to
 * every answer (Content-Disposition, say).
 */
export function serveMedia(req: EmulatorRequest, file: MediaFile, headers: Record<string, string> = {}): EmulatorResponse {
  const size = file.bytes.length;
  const common = { ...headers, 'accept-ranges': 'bytes', etag: file.etag };
  const header = req.headers.range;
  const ranges = header === undefined || header.includes(',') ? -2 : parseRange(size, header);
  if (ranges === -1) {
    // A suffix longer than the file selects all of it (RFC 9110 §14.1.2); range-parser
    // reports it unsatisfiable, so it is taken here.
    if (/^bytes=\s*-0*[1-9]\d*\s*$/.test(header ?? '') && size > 0) return partial(file, 0, size - 1, common);
    return { status: 416, headers: { ...common, 'content-range': `bytes */${size}` }, rawBody: '' };
  }
  if (ranges === -2 || ranges.type !== 'bytes') {
    return { status: 200, headers: { ...common, 'content-type': file.contentType, 'content-length': String(size) }, rawBody: file.bytes };
  }
  return partial(file, ranges[0].start, ranges[0].end, common);
}

function partial(file: MediaFile, start: number, end: number, headers: Record<string, string>): EmulatorResponse {
  const body = file.bytes.subarray(start, end + 1);
  return {
    status: 206,
    headers: {
      ...headers,
      'content-type': file.contentType,
      'content-length': String(body.length),
      'content-range': `bytes ${start}-${end}/${file.bytes.length}`,
    },
    rawBody: body,
  };
}
