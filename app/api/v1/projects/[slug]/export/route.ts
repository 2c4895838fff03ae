import { getDb } from "@/db/client";
import { exportChunks, resolveExportLayer, utf8Pieces } from "@/db/queries/export";
import { apiRoute, projectForCaller, queryOf } from "@/app/_server/api";
import { ApiError } from "@/lib/api/errors";
import { authoriseExport, contentDisposition, parseExportRequest } from "@/lib/export-request";
import { exportQuerySchema } from "@/lib/validation/export";

// Streams from the database for as long as the download runs; never cached or prerendered.
export const dynamic = "force-dynamic";

/**
 * `GET /api/v1/projects/{slug}/export?format=&layer=[&articles=id1,id2]`: the export as a
 * download, streamed batch by batch (the response pulls, so a slow client slows the queries).
 * Input (400), then the project (404), then the access rules (403), then the stream.
 */
export const GET = apiRoute<{ slug: string }>(null, async ({ request, user, params }) => {
  const query = queryOf(request, exportQuerySchema);
  const parsed = parseExportRequest(query);
  if (!parsed.ok) throw new ApiError("bad_request", parsed.message);
  const project = await projectForCaller(user, params.slug);
  const authorised = authoriseExport(parsed.request, user, project.slug);
  if (!authorised.ok) throw new ApiError(authorised.status === 400 ? "bad_request" : "forbidden", authorised.message);
  const spec = authorised.export;

  const db = getDb();
  let layer = null;
  if (spec.target) {
    layer = await resolveExportLayer(db, spec.target);
    if (!layer) throw new ApiError("not_found", `No user "${query.layer?.trim()}".`);
  }
  const origin = request.nextUrl.origin;
  const pieces = utf8Pieces(
    exportChunks(db, {
      projectId: project.id,
      format: spec.format,
      layer,
      filter: { externalIds: spec.articles ?? undefined, assignedTo: spec.assignedOnly ? user.id : undefined },
      baseIri: `${origin}/api/v1/projects/${encodeURIComponent(project.slug)}/`,
    }),
  );
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await pieces.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        } catch (error) {
          // The status line is gone by now: abort the body so the client sees a failed download, not a short file.
          console.error("[export]", error);
          controller.error(error);
        }
      },
      async cancel() {
        await pieces.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
  return new Response(body, {
    headers: {
      "content-type": spec.contentType,
      "content-disposition": contentDisposition(spec.fileName),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
