import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logFor } from "../log";
import { ForbiddenError, NotFoundError, ValidationError } from "./app-error";
import { toActionResult } from "./to-action-result";

afterEach(() => {
  vi.restoreAllMocks();
});

const failing = (error: unknown) => async (): Promise<string> => {
  throw error;
};

describe("toActionResult (every server action's one result shape)", () => {
  it("is ok with the operation's message, and its data when it has some", async () => {
    expect(await toActionResult("save the role", async () => "Role saved.")).toEqual({ status: "ok", message: "Role saved." });
    expect(await toActionResult("save the component", async () => ({ message: "Component saved.", data: { id: 7 } }))).toEqual({
      status: "ok",
      message: "Component saved.",
      data: { id: 7 },
    });
  });

  it.each([
    ["a refusal", new ForbiddenError("This needs the administrator permission"), { status: "error", message: "This needs the administrator permission" }],
    ["an unknown object", new NotFoundError("No such token."), { status: "error", message: "No such token." }],
    ["bad input in one message", new ValidationError("direction must be earlier or later"), { status: "error", message: "direction must be earlier or later" }],
    ["bad input by field", new ValidationError({ name: "is required" }), { status: "error", message: "name: is required", fieldErrors: { name: "is required" } }],
  ])("turns %s into an error result with its message", async (_what, error, result) => {
    expect(await toActionResult("save", failing(error))).toEqual(result);
  });

  it("logs an unexpected failure and summarises it", async () => {
    const log = vi.spyOn(logFor("web"), "error").mockImplementation(() => {});
    const result = await toActionResult("delete the user", failing(new Error("Invalid invocation:\nforeign key violated")));
    expect(result).toEqual({ status: "error", message: "Could not delete the user; nothing was changed. foreign key violated" });
    expect(log).toHaveBeenCalledOnce();
  });

  it("lets Next's redirect through (a signed-out user is sent to sign in)", async () => {
    await expect(toActionResult("save", async () => redirect("/signin"))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
