import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The Prisma CLI runs offline only with its WebAssembly schema engine, which needs a
// driver adapter. It talks to a PGlite directory (PRISMA_PGLITE_DIR, default: in memory);
// the app applies migrations itself (lib/db/migrate.ts), so the CLI is a developer tool only.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const dir = process.env.PRISMA_PGLITE_DIR;
    return new PrismaPGlite(dir ? new PGlite(dir) : new PGlite());
  },
});
