import http from "node:http";
import { expect, type Page } from "@playwright/test";

/** Creates a personal access token on /settings/tokens as the signed-in user; returns it. */
export async function createTokenInUi(page: Page, name: string, expiresDays = "30"): Promise<string> {
  await page.goto("/settings/tokens");
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Expires").selectOption(expiresDays);
  await page.getByRole("button", { name: "Create token" }).click();
  const dialog = page.getByRole("dialog", { name: "Your new token" });
  const token = await dialog.getByLabel("New token").inputValue();
  expect(token).toMatch(/^smk_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return token;
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number };

/**
 * Sends a request with node:http, writing `chunks` one after the other but never ending the
 * body, and resolves with the answer: proof that the server answered before reading the
 * whole body. `contentLength` declares a length (else the body is chunked).
 */
export function sendUnfinished(
  url: string,
  options: { method: string; headers: Record<string, string>; chunks: Buffer[]; contentLength?: number },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    const headers = { ...options.headers, ...(options.contentLength !== undefined ? { "content-length": String(options.contentLength) } : {}) };
    const request = http.request(url, { method: options.method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, sentBytes });
        request.destroy();
      });
    });
    request.on("error", (error) => {
      // the server may close the connection after answering; an answer already resolved wins
      if (!(error as NodeJS.ErrnoException).code?.startsWith("ECONNRESET") && !(error as NodeJS.ErrnoException).code?.startsWith("EPIPE")) reject(error);
    });
    const writeNext = (index: number) => {
      if (index >= options.chunks.length || request.destroyed) return; // never end(): the body stays unfinished
      const chunk = options.chunks[index];
      sentBytes += chunk.length;
      request.write(chunk, () => setImmediate(() => writeNext(index + 1)));
    };
    writeNext(0);
  });
}
