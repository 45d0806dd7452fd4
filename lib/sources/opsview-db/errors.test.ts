import { describe, expect, it } from "vitest";
import { explainDatabaseError } from "./errors";

function driverError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("explaining database errors", () => {
  it("says what a refused connection means", () => {
    expect(explainDatabaseError(driverError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:3306"), "pw")).toBe(
      "connection refused (is the database server running and listening on that port?) (connect ECONNREFUSED 127.0.0.1:3306)",
    );
  });

  it("points at the credentials when access is denied", () => {
    expect(explainDatabaseError(driverError("ER_ACCESS_DENIED_ERROR", "Access denied for user 'r'@'h' (using password: YES)"), "pw")).toMatch(
      /^access denied: check the user name and password/,
    );
  });

  it("masks the password should a message ever contain it, and stays on one line", () => {
    const message = explainDatabaseError(driverError("EWHATEVER", "failed\nwith hunter22 inside"), "hunter22");
    expect(message).toBe("failed with *** inside");
  });

  it("falls back to the code when there is no message", () => {
    expect(explainDatabaseError(driverError("ECONNREFUSED", ""), "pw")).toBe("connection refused (is the database server running and listening on that port?)");
  });
});
