import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
