/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package directory at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // Parallel worktrees or test runs may build into their own directory (NEXT_DIST_DIR).
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
