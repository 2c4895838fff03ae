import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  // The build checks the app's code only; tests, e2e and benches are checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
