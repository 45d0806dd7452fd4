import type { TestProject } from "vitest/node";
import { startPostgresServer } from "./postgres-server";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL server for the integration run; every test file makes its own database on it. */
export default async function setup(project: TestProject) {
  const server = await startPostgresServer();
  project.provide("postgresAdminUrl", server.url());
  return () => server.stop();
}
