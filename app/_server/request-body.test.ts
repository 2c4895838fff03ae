import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { readBodyBytes, readJsonBody } from "./request-body";

function streamedRequest(chunks: string[], fail: boolean): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      if (fail) controller.error(new Error("aborted"));
      else controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("reading a request body", () => {
  it("reads a streamed body whole", async () => {
    expect(await readJsonBody(streamedRequest(['{"a":', "1}"], false), 1024)).toEqual({ a: 1 });
  });

  it("answers a body cut off mid-stream (the client went away) as a bad request, not a server error", async () => {
    const failure = await readBodyBytes(streamedRequest(['{"a":'], true), 1024).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: "bad_request", message: "The request body ended before all of it arrived." });
  });

  it("refuses a body over the limit with 413 as it streams", async () => {
    await expect(readBodyBytes(streamedRequest(["x".repeat(600), "x".repeat(600)], false), 1024)).rejects.toMatchObject({ code: "too_large" });
  });
});
