import { NextResponse } from "next/server";
import { openApiDocument } from "@/lib/api/operations";

/**
 * The OpenAPI 3.1 document of /api/v1. Public on purpose: it describes the API's shape (as the
 * README does), never data, and tools such as client generators fetch it without credentials.
 */
export function GET() {
  return NextResponse.json(openApiDocument(), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  });
}
