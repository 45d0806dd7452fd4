import { describe, expect, it } from "vitest";
import { connectionTestFailed, connectionTestPassed } from "./connection-test";

describe("connection test results", () => {
  it("passes with the message as given", () => {
    expect(connectionTestPassed("Connected to db1:3306")).toEqual({ ok: true, message: "Connected to db1:3306" });
  });

  it("fails with an error's message or a text, the password masked", () => {
    expect(connectionTestFailed(new Error("login with pw-1234 refused"), "pw-1234")).toEqual({ ok: false, message: "login with *** refused" });
    expect(connectionTestFailed("Invalid settings: baseUrl is required")).toEqual({ ok: false, message: "Invalid settings: baseUrl is required" });
  });
});
