/** Writers take any iterable of articles (an array, or rows streamed from the database). */
export type Source<T> = Iterable<T> | AsyncIterable<T>;

/** Joins a text stream into one string (tests, small exports). */
export async function collectText(chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.join("");
}

/** Joins a byte stream into one buffer (tests, small exports). */
export async function collectBytes(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
