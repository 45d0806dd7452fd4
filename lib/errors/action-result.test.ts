import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formErrorsOf, resultMessage, toActionResult } from "./action-result";
import { ForbiddenError, NotFoundError, ValidationError } from "./app-error";

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
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await toActionResult("delete the user", failing(new Error("Invalid invocation:\nforeign key violated")));
    expect(result).toEqual({ status: "error", message: "Could not delete the user; nothing was changed. foreign key violated" });
    expect(log).toHaveBeenCalledOnce();
  });

  it("lets Next's redirect through (a signed-out user is sent to sign in)", async () => {
    await expect(toActionResult("save", async () => redirect("/signin"))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});

describe("what forms show of a result", () => {
  it("gives errors by field, or the message as the form-wide one", () => {
    expect(formErrorsOf({ message: "name: is required", fieldErrors: { name: "is required" } })).toEqual({ name: "is required" });
    expect(formErrorsOf({ message: "This needs the administrator permission" })).toEqual({ form: "This needs the administrator permission" });
  });

  it("says the form's own line for errors by field, unless one is form-wide", () => {
    const correct = "Nothing was saved: correct the fields marked below.";
    expect(resultMessage({ status: "ok", message: "Saved." }, correct)).toBe("Saved.");
    expect(resultMessage({ status: "error", message: "This needs the administrator permission" }, correct)).toBe("This needs the administrator permission");
    expect(resultMessage({ status: "error", message: "main.port: …", fieldErrors: { "main.port": "must be between 1 and 65535" } }, correct)).toBe(correct);
    expect(resultMessage({ status: "error", message: "form: …", fieldErrors: { form: "The form was not sent as expected" } }, correct)).toBe("The form was not sent as expected");
  });
});
