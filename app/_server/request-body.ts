import { ApiError } from "@/lib/api/errors";
import { PREREAD_BODY } from "./api-answer";
import { containsNul, NUL_MESSAGE } from "@/lib/validation/nul";

/** Reads a body up to `maxBytes`, refusing larger ones with 413 before reading them whole. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const preread = (request as { [PREREAD_BODY]?: Uint8Array })[PREREAD_BODY];
  if (preread) {
    if (preread.byteLength > maxBytes) throw tooLarge(maxBytes);
    return preread;
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new ApiError("bad_request", "The request body ended before all of it arrived.");
    });
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * A body stream that fails once more than `maxBytes` pass through it, for bodies read by
 * something else (form data, a streamed import); `exceeded()` tells the caller why it failed.
 */
export function capStream(body: ReadableStream<Uint8Array>, maxBytes: number): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  let total = 0;
  let over = false;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          over = true;
          controller.error(tooLarge(maxBytes));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { stream, exceeded: () => over };
}

export function tooLarge(maxBytes: number): ApiError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return new ApiError("too_large", `The request body is larger than the limit of ${size}.`);
}

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError("bad_request", "The request body is not valid UTF-8.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError("bad_request", `The request body is not valid JSON: ${(error as Error).message}`);
  }
  if (containsNul(value)) throw new ApiError("bad_request", NUL_MESSAGE);
  return value;
}
