import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // native DuckDB bindings must be loaded by Node, not bundled
  serverExternalPackages: ["@duckdb/node-api", "@duckdb/node-bindings"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
