import { describe, expect, it } from "vitest";

import { composeEmail, composeWebhookPayload } from "./compose";
import { SHOP_CONTEXT } from "../test-support";

describe("message composition", () => {
  it("an email goes to the contact with the state in the subject", () => {
    const message = composeEmail(SHOP_CONTEXT);
    expect(message.to).toBe("alice@example.test");
    expect(message.subject).toBe("PROBLEM: BSMService Shop is offline");
    expect(message.text.split("\n")[0]).toBe(
      "PROBLEM: 2 of 3 components failed, 1 of 3 impacted: BSMService Shop is offline, 98.96% availability",
    );
  });

  it("an email leaves the notes out when the profile does", () => {
    expect(composeEmail({ ...SHOP_CONTEXT, includeNotes: false }).text).not.toContain("Notes:");
  });

  it("a webhook payload never carries the method's settings", () => {
    const payload = JSON.stringify(composeWebhookPayload(SHOP_CONTEXT));
    expect(payload).not.toContain("api-token");
    expect(payload).not.toContain("https://example.test");
  });
});
