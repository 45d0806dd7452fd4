import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });
const prismaKnown = (code: string, meta?: unknown) => Object.assign(new Error("Invalid invocation"), { name: "PrismaClientKnownRequestError", code, meta });
const adapterKind = (kind: string) => prismaKnown("P2010", { driverAdapterError: { name: "DriverAdapterError", cause: { kind } } });

describe("isDatabaseUnavailable (the database cannot be reached, as opposed to a bad query)", () => {
  it.each([
    ["a refused connection (pg pool)", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["a reset connection", withCode("ECONNRESET")],
    ["a connection the server ended (pg)", new Error("Connection terminated unexpectedly")],
    ["a pool that timed out connecting", new Error("timeout exceeded when trying to connect")],
    ["an administrator shutdown (57P01)", withCode("57P01", "terminating connection due to administrator command")],
    ["a crash shutdown (57P02)", withCode("57P02")],
    ["a server starting up (57P03)", withCode("57P03", "the database system is starting up")],
    ["too many connections (53300)", withCode("53300")],
    ["Prisma cannot reach the server (P1001)", prismaKnown("P1001")],
    ["Prisma's server closed the connection (P1017)", prismaKnown("P1017")],
    ["a driver adapter's DatabaseNotReachable", adapterKind("DatabaseNotReachable")],
    ["a driver adapter's ConnectionClosed", adapterKind("ConnectionClosed")],
    ["a driver adapter's SocketTimeout", adapterKind("SocketTimeout")],
    ["a driver adapter's postgres 57P01", prismaKnown("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } })],
    ["a closed PGlite", new Error("PGlite is closed")],
    ["a failure whose cause is a refused connection", new Error("could not store", { cause: withCode("ECONNREFUSED") })],
  ])("%s is unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation (P2002)", prismaKnown("P2002")],
    ["a record not found (P2025)", prismaKnown("P2025")],
    ["a syntax error (42601)", withCode("42601", "syntax error at or near")],
    ["a driver adapter's unique violation", adapterKind("UniqueConstraintViolation")],
    ["a plain programming error", new TypeError("cannot read properties of undefined")],
    ["a string", "Connection terminated"],
    ["null", null],
  ])("%s is not", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on an error that is its own cause", () => {
    const error = new Error("odd");
    Object.assign(error, { cause: error });
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
