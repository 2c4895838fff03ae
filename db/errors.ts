/** True when a query failed on a unique constraint (node-postgres and PGlite, wrapped by Drizzle or not). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  return code === "23505";
}
