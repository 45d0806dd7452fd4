import { afterEach, describe, expect, it, vi } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, PayloadTooLargeError, UnauthenticatedError, UnavailableError, ValidationError, type AppError } from "./app-error";
import { logFor } from "../log";
import { errorResponse } from "./error-response";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("errorResponse (every API failure as JSON with the status of its code)", () => {
  it.each<[string, AppError, number]>([
    ["no credential", new UnauthenticatedError("sign in first"), 401],
    ["a refusal", new ForbiddenError("This needs the CONFIGUREBSM permission"), 403],
    ["an unknown object", new NotFoundError("no component with id 7"), 404],
    ["bad input in one message", new ValidationError("not an id: x"), 400],
    ["a conflict", new ConflictError("changed meanwhile"), 409],
    ["a body over the limit", new PayloadTooLargeError("the request body is larger than 1 MB"), 413],
  ])("answers %s with %i and its message", async (_what, error, status) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ error: error.message });
  });

  it("answers bad input by field with 400, 'invalid input' and the field errors", async () => {
    const response = errorResponse(new ValidationError({ name: "is required" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid input", fieldErrors: { name: "is required" } });
  });

  it("answers an unavailable service, and a database that cannot be reached, with 503 and Retry-After", async () => {
    vi.spyOn(logFor("web"), "error").mockImplementation(() => {});
    const unavailable = errorResponse(new UnavailableError("database unreachable (pglite)"));
    expect([unavailable.status, unavailable.headers.get("retry-after")]).toEqual([503, "10"]);
    expect(await unavailable.json()).toEqual({ error: "database unreachable (pglite)" });

    const refused = errorResponse(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([503, "10"]);
    expect(await refused.json()).toEqual({ error: "The database cannot be reached; try again shortly" });
  });

  it("logs an unexpected error and answers 500 without its detail", async () => {
    const log = vi.spyOn(logFor("web"), "error").mockImplementation(() => {});
    const response = errorResponse(new TypeError("cannot read secret-column of undefined"));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal error" });
    expect(log).toHaveBeenCalledWith({ err: expect.objectContaining({ message: "cannot read secret-column of undefined" }) }, "API request failed");
  });
});
