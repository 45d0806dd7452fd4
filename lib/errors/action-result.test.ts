import { describe, expect, it } from "vitest";
import { formErrorsOf, resultMessage } from "./action-result";

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
