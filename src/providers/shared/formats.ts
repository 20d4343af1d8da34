import { MEDIA_FORMATS, type MediaFormat } from '../../domain/model';

/** A file extension or vendor format label (`mp4`, `M4A`, `.wav`) -> MediaFormat, or null. */
export function mediaFormatOf(value: string | null | undefined): MediaFormat | null {
  if (!value) return null;
  const upper = value.replace(/^\./, '').toUpperCase();
  const normalized = upper === 'JPEG' ? 'JPG' : upper;
  return (MEDIA_FORMATS as readonly string[]).includes(normalized) ? (normalized as MediaFormat) : null;
}

/** The extension at the end of a URL's path or a file name (`a/b.mp4?x` -> `mp4`). */
export function extensionOf(nameOrUrl: string | null | undefined): string | null {
  if (!nameOrUrl) return null;
  let path = nameOrUrl;
  try {
    path = new URL(nameOrUrl).pathname;
  } catch {
    path = nameOrUrl.split('?')[0];
  }
  const m = /\.([A-Za-z0-9]{2,5})$/.exec(path);
  return m ? m[1].toLowerCase() : null;
}
