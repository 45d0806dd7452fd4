import { describe, expect, it } from "vitest";
import { errorsByField } from "./source-action-dialog";

describe("the dialog's field errors", () => {
  it("makes the server's field messages sentences that name the field", () => {
    expect(errorsByField("Check the fields", { endAt: "must be after the start", comment: "is required" })).toEqual({
      endAt: "The end must be after the start.",
      comment: "The comment is required.",
    });
  });

  it("keeps a message that is already a sentence, and the form's message when no field is named", () => {
    expect(errorsByField("x", { targets: "Choose at least one host." })).toEqual({ targets: "Choose at least one host." });
    expect(errorsByField("The Opsview runtime database is read-only.", undefined)).toEqual({ form: "The Opsview runtime database is read-only." });
  });
});
