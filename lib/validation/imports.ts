import { z } from "zod";

/** The query of `POST /api/v1/projects/{slug}/articles` (an import). */
export const importQuerySchema = z.object({
  filename: z.string().trim().min(1).max(255).optional().meta({
    description:
      "The file's name when the body is the raw file (not multipart): its extension picks the format (`.jsonl` native or doccano, `.txt` plain text).",
    example: "articles.jsonl",
  }),
});
