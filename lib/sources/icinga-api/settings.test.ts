import { describe, expect, it } from "vitest";
import { apiRoot, parseIcingaApiSettings } from "./settings";

const valid = { baseUrl: "https://icinga.example:5665", username: "bsm", password: "s3cret-value" };

describe("Icinga 2 API settings", () => {
  it("verifies certificates unless told otherwise, with no CA file or server name by default", () => {
    expect(parseIcingaApiSettings(valid)).toEqual({ ok: true, settings: { ...valid, caFile: null, acceptSelfSigned: false, tlsServerName: null } });
    const result = parseIcingaApiSettings({ ...valid, caFile: " /etc/icinga2/ca.crt ", tlsServerName: "icinga-master", acceptSelfSigned: true });
    expect(result.ok && result.settings).toMatchObject({ caFile: "/etc/icinga2/ca.crt", tlsServerName: "icinga-master", acceptSelfSigned: true });
    expect(parseIcingaApiSettings({ ...valid, caFile: "", tlsServerName: "" })).toMatchObject({ ok: true, settings: { caFile: null, tlsServerName: null } });
  });

  it.each([
    [{ ...valid, baseUrl: "http://icinga.example:5665" }, "baseUrl must be an https:// URL"],
    [{ ...valid, baseUrl: "https://u:p@icinga.example" }, "baseUrl must not contain credentials"],
    [{ ...valid, username: " " }, "username is required"],
    [{ ...valid, password: "" }, "password is required"],
    [{ ...valid, acceptSelfSigned: "yes" }, "acceptSelfSigned must be true or false"],
    [{ ...valid, tlsServerName: "a b" }, "tlsServerName must be a host name"],
  ])("rejects %j in one line without the password", (input, expected) => {
    const result = parseIcingaApiSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(expected);
    expect(result.message).not.toContain("\n");
    expect(result.message).not.toContain(valid.password);
  });

  it("appends API paths to the base URL without a double slash", () => {
    expect(apiRoot({ baseUrl: "https://icinga.example:5665/" })).toBe("https://icinga.example:5665");
  });
});
