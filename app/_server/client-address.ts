/**
 * The custom server (scripts/serve-app.ts) writes the peer address into this header,
 * overwriting whatever a client sent; behind a trusted proxy it takes X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = "x-sourcemark-client-address";

export function clientAddressFrom(headers: Record<string, unknown> | Headers): string {
  const value =
    headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return typeof value === "string" && value ? value : "unknown";
}
