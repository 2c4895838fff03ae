import { z } from "zod";

/** One imported file, however it arrives (the readers stop past it, streamed uploads too). */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;
/** One multipart upload from the browser, all its files together. */
export const MAX_MULTIPART_BYTES = 200 * 1024 * 1024;

/** The query of `POST /api/v1/projects/{slug}/articles` (an import). */
export const importQuerySchema = z.object({
  filename: z.string().trim().min(1).max(255).optional().meta({
    description:
      "The file's name when the body is the raw file (not multipart): its extension picks the format (`.jsonl` native or doccano, `.txt` plain text).",
    example: "articles.jsonl",
  }),
});
