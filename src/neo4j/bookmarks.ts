// Causal bookmarks as an HTTP header: after a write, the API sends the write's bookmarks; a
// caller that sends them back has its reads wait for that write, on whichever API replica and
// cluster member answers (read-your-own-writes across requests).
/** The header a caller sends back after a write to read it from any API replica. */
export const BOOKMARK_HEADER = "x-umr-bookmark";
const MAX_BOOKMARK_HEADER = 4096;

/** Bookmarks as a header value: base64url of their JSON list. */
export function encodeBookmarks(bookmarks: string[]): string {
  return Buffer.from(JSON.stringify(bookmarks)).toString("base64url");
}

/** A header value back to bookmarks; null when it is not one this server made. */
export function decodeBookmarks(value: string): string[] | null {
  if (value.length > MAX_BOOKMARK_HEADER || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  try {
    const list = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    return Array.isArray(list) && list.length <= 16 && list.every((b) => typeof b === "string" && b.length <= 256)
      ? (list as string[])
      : null;
  } catch {
    return null;
  }
}
