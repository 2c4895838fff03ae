import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sourcemark", template: "%s · Sourcemark" },
  description: "Annotation workbench for news analysis",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered: every page's scripts must carry that request's
  // Content-Security-Policy nonce (see lib/security-headers.ts), even the 404 page's.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
