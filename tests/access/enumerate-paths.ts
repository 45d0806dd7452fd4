import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HTTP_METHODS } from "./access-matrix";

// Every way into the app, read from the source tree: page routes (app/**/page.tsx), API routes and
// their exported HTTP methods (app/**/route.ts), and server actions (the exported async functions
// of "use server" files). Keys match listedPaths() in access-matrix.ts.

const SOURCE_DIRS = ["app", "lib", "components"];
const SOURCE_FILE = /\.(ts|tsx)$/;
const TEST_FILE = /\.test\.(ts|tsx)$/;

function walk(root: string, dir: string): string[] {
  const files: string[] = [];
  let entries;
  try {
    entries = readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return files;
  }
  for (const entry of entries) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(root, relative));
    else if (SOURCE_FILE.test(entry.name) && !TEST_FILE.test(entry.name)) files.push(relative);
  }
  return files;
}

/** app/(dashboard)/bsm/service/[id]/page.tsx → /bsm/service/[id]; route groups and private folders vanish from the URL. */
export function routeOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route module exports: `export function GET`, `export const POST =`, `export { handler as GET }`. */
export function exportedMethods(source: string): string[] {
  const methods = new Set<string>();
  const names = HTTP_METHODS.join("|");
  for (const match of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let)\\s+(${names})\\b`, "g"))) methods.add(match[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of block[1].split(",")) {
      const exported = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (exported && (HTTP_METHODS as readonly string[]).includes(exported)) methods.add(exported);
    }
  }
  return [...methods].sort();
}

/** Whether the module starts with the "use server" directive (after comments and blank lines). */
export function isServerActionModule(source: string): boolean {
  const withoutComments = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(withoutComments);
}

/** The exported functions of a "use server" module (each one is a server action). */
export function exportedActions(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) names.add(match[1]);
  for (const match of source.matchAll(/export\s+const\s+(\w+)\s*=\s*async\b/g)) names.add(match[1]);
  return [...names].sort();
}

export interface SourcePaths {
  paths: string[];
  /** Things the enumeration cannot judge, to be turned into something it can: an inline "use server" in a component, a re-export in a server module. */
  unsupported: string[];
}

export function enumerateSourcePaths(root: string): SourcePaths {
  const paths: string[] = [];
  const unsupported: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((dir) => walk(root, dir)).sort()) {
    const source = readFileSync(path.join(root, file), "utf8");
    const base = path.posix.basename(file);
    if (file.startsWith("app/") && /^page\.(tsx|ts)$/.test(base)) paths.push(`page ${routeOf(file)}`);
    if (file.startsWith("app/") && /^route\.(ts|tsx)$/.test(base)) {
      const methods = exportedMethods(source);
      if (methods.length === 0) unsupported.push(`${file}: a route module that exports no HTTP method this enumeration recognises`);
      for (const method of methods) paths.push(`${method} ${routeOf(file)}`);
    }
    if (isServerActionModule(source)) {
      for (const name of exportedActions(source)) paths.push(`action ${file}#${name}`);
      if (/export\s*\{|export\s+\*/.test(source)) unsupported.push(`${file}: a "use server" module that re-exports; list its actions by hand`);
    } else if (/["']use server["']/.test(source)) {
      unsupported.push(`${file}: an inline "use server" function; move it to a "use server" module so the matrix lists it`);
    }
  }
  return { paths, unsupported };
}
