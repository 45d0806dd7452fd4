import { describe, expect, it } from "vitest";
import { z } from "zod";
import { humanize, plainErrorMap } from "./plain-messages";

const messagesOf = (schema: z.ZodType, raw: unknown, labels = {}) => {
  const parsed = schema.safeParse(raw, { error: plainErrorMap(labels) });
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
};

describe("plainErrorMap words zod's own messages for people", () => {
  const schema = z.object({ port: z.number().int().min(1).max(65535), title: z.string().min(1).max(5), tags: z.array(z.string()).min(1), kind: z.enum(["a", "b"]) });
  const good = { port: 80, title: "x", tags: ["t"], kind: "a" };

  it.each<[string, unknown, string]>([
    ["a number too small", { ...good, port: 0 }, "Port must be at least 1"],
    ["a number too big", { ...good, port: 70000 }, "Port must be at most 65535"],
    ["a fraction", { ...good, port: 1.5 }, "Port must be a whole number"],
    ["text instead of a number", { ...good, port: "80" }, "Port must be a number"],
    ["empty text", { ...good, title: "" }, "Title is required"],
    ["long text", { ...good, title: "abcdef" }, "Title must be at most 5 characters"],
    ["an empty list", { ...good, tags: [] }, "Choose at least one tag"],
    ["a value not offered", { ...good, kind: "c" }, "Kind must be one of: a, b"],
  ])("%s", (_case, raw, message) => {
    expect(messagesOf(schema, raw)).toEqual([message]);
  });

  it("uses the form's label for a field when given one, and keeps a schema's own message", () => {
    expect(messagesOf(schema, { ...good, port: 0 }, { port: "Listening port" })).toEqual(["Listening port must be at least 1"]);
    expect(messagesOf(z.object({ port: z.number().min(1, "Choose a port") }), { port: 0 })).toEqual(["Choose a port"]);
  });

  it("never answers with zod's schema text", () => {
    const messages = messagesOf(schema, { port: -1, title: 7, tags: "x", kind: 1 });
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message).not.toMatch(/Too small|Too big|expected|Invalid input|received/);
  });

  it.each([
    ["hostTemplateId", "Host template"],
    ["componentIds", "Components"],
    ["requiredOnline", "Required online"],
    ["name", "Name"],
  ])("humanizes %s as %s", (field, label) => {
    expect(humanize(field)).toBe(label);
  });
});
