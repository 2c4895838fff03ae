import { getDb } from "@/db/client";
import { searchArticles } from "@/db/queries/articles";
import { NextResponse } from "next/server";
import { apiRoute, projectForCaller } from "@/app/_server/api";
import { importFromRequest } from "@/app/_server/import-request";
import { articleFiltersSchema } from "@/lib/validation/articles";

export const GET = apiRoute<{ slug: string }>(null, async ({ request, user, params }) => {
  const project = await projectForCaller(user, params.slug);
  const filters = articleFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const page = await searchArticles(getDb(), user, project.id, filters);
  return {
    articles: page.items.map((article) => ({
      id: article.externalId,
      title: article.title,
      outlet: article.outlet,
      published_at: article.publishedAt,
      assignees: article.assignees.map((a) => ({ email: a.email, status: a.status })),
      label_counts: article.labelCounts,
    })),
    next_cursor: page.nextCursor,
  };
});

/** Imports files (native JSONL, doccano JSONL, brat pairs, plain text), each all-or-nothing. */
export const POST = apiRoute<{ slug: string }>("articles.import", async ({ request, user, params }) => {
  const project = await projectForCaller(user, params.slug);
  const files = await importFromRequest(request, user, project.id);
  const failed = files.filter((file) => !file.ok);
  if (failed.length === 0) return { files };
  return NextResponse.json(
    {
      error: {
        code: "bad_request",
        message: `${failed.length} of ${files.length} file${files.length === 1 ? " was" : "s were"} not imported; nothing of ${failed.length === 1 ? "it" : "them"} was stored.`,
        issues: failed.flatMap((file) => file.errors),
      },
      files,
    },
    { status: 400 },
  );
});
