import { describe, expect, it } from "vitest";
import { DEFAULT_ROTATE_SECONDS, isKiosk, kioskHref, rotateSeconds } from "./kiosk-params";

describe("kiosk parameters", () => {
  it("turns the wall-screen view on with a bare ?kiosk, keeping the page's other options", () => {
    expect(kioskHref("/summary", new URLSearchParams("status=OFFLINE"), true)).toBe("/summary?status=OFFLINE&kiosk");
    expect(kioskHref("/", new URLSearchParams(""), true)).toBe("/?kiosk");
    expect(isKiosk(new URLSearchParams("kiosk"))).toBe(true);
    expect(isKiosk(new URLSearchParams("q=kiosk"))).toBe(false);
  });

  it("turns it off with its rotation, and leaves a plain URL when nothing else was set", () => {
    expect(kioskHref("/summary", new URLSearchParams("kiosk&rotate=10&q=shop"), false)).toBe("/summary?q=shop");
    expect(kioskHref("/", new URLSearchParams("kiosk"), false)).toBe("/");
  });

  it("reads the seconds between pages, falling back to the default for anything unusable", () => {
    expect(rotateSeconds(new URLSearchParams("rotate=10"))).toBe(10);
    for (const bad of ["", "rotate=0", "rotate=2", "rotate=abc", "rotate=7.5", "rotate=99999"]) {
      expect(rotateSeconds(new URLSearchParams(bad))).toBe(DEFAULT_ROTATE_SECONDS);
    }
  });
});
