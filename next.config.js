/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "prom-client"],
  poweredByHeader: false,
  // Parallel worktrees or test runs may build into their own directory (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // forbidden() answers 403 with app/forbidden.tsx.
    authInterrupts: true,
    // Server actions take at most 1 MB (proxy.ts refuses larger bodies with 413 first, as
    // lib/api/request-body.ts's MAX_BODY_BYTES); proxy.ts sees at most 2 MB of a body, so
    // an oversized one is never buffered whole.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "2mb",
  },
};

export default nextConfig;
