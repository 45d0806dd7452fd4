import { describe, expect, it } from "vitest";
import { describeRequestFailure } from "./client";

const failure = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("explaining request failures", () => {
  it.each([
    [failure("DEPTH_ZERO_SELF_SIGNED_CERT"), "DEPTH_ZERO_SELF_SIGNED_CERT: the certificate is not trusted (set a CA file, or accept self-signed certificates)"],
    [failure("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), "UNABLE_TO_VERIFY_LEAF_SIGNATURE: the certificate is not trusted (set a CA file, or accept self-signed certificates)"],
    [failure("ECONNREFUSED"), "connection refused (is Icinga 2 running with its API listening on that port?)"],
    [failure("ENOTFOUND"), "host name not found"],
    [failure("ECONNRESET", "socket hang up"), "ECONNRESET: socket hang up"],
    [new Error("odd"), "odd"],
  ])("%s", (error, expected) => {
    expect(describeRequestFailure(error)).toBe(expected);
  });

  it("asks for the TLS server name when the certificate names another host", () => {
    expect(describeRequestFailure(failure("ERR_TLS_CERT_ALTNAME_INVALID", "Hostname/IP does not match certificate's altnames"))).toMatch(
      /certificate is for another name .*; set the TLS server name to the name in the certificate$/,
    );
  });
});
