import { chromium } from "@playwright/test";
const base = "http://localhost:3413";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await b.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
const p = await ctx.newPage();
await p.goto(base + "/signin");
await p.locator("form[data-hydrated=true]").waitFor();
await p.getByLabel("E-mail").fill("e2e-admin@bsm.local");
await p.getByLabel("Password").fill("e2e-admin-password");
await p.getByRole("button", { name: "Sign in" }).click();
await p.getByRole("button", { name: "Menu", exact: true }).waitFor();
for (const route of process.argv.slice(2)) {
  await p.goto(base + route);
  await p.waitForTimeout(2500);
  console.log(route, await p.evaluate(() => {
    const out = [document.body.scrollWidth, innerWidth, document.documentElement.clientWidth];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.right > 391 && !el.closest(".overflow-x-auto")) out.push(`${el.tagName} ${String(el.className).slice(0,60)} r=${Math.round(r.right)} pos=${cs.position}`);
    }
    for (const el of document.querySelectorAll(".overflow-x-auto")) { const cs = getComputedStyle(el); out.push(`scroller ox=${cs.overflowX} w=${el.getBoundingClientRect().width} sw=${el.scrollWidth}`); }
    out.push("doc sw " + document.documentElement.scrollWidth);
    return out.slice(0, 15);
  }));
}
await b.close();
