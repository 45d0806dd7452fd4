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
  const wide = await p.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > 390.5 && r.width > 0) {
        let parentWide = el.parentElement && el.parentElement.getBoundingClientRect().right > 390.5;
        if (!parentWide) out.push(`${el.tagName.toLowerCase()}.${(el.className?.baseVal ?? el.className ?? "").toString().slice(0, 80)} right=${Math.round(r.right)} text=${(el.textContent ?? "").slice(0, 40)}`);
      }
    }
    return [document.scrollingElement.scrollWidth, location.pathname, ...out.slice(-12)];
  });
  console.log(route, "\n  " + wide.join("\n  "));
}
await b.close();
