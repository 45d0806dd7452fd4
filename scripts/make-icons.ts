// Renders public/icon.svg into the raster icons browsers and phones ask for (favicon.ico, the
// Apple touch icon, the web manifest's icons) with the Chromium the e2e tests use. Run it after
// changing the SVG: `npx tsx scripts/make-icons.ts`; the outputs are committed.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/settings";

const svg = readFileSync("public/icon.svg", "utf8");
const browser = await chromium.launch(chromiumLaunchOptions);
const page = await browser.newPage();

async function png(size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

for (const [file, size] of [["icon-192.png", 192], ["icon-512.png", 512], ["apple-touch-icon.png", 180]] as const) {
  writeFileSync(`public/${file}`, await png(size));
}

// An .ico may hold PNG images as they are; 16, 32 and 48 pixels cover tabs, bookmarks and desktops.
const images: { size: number; data: Buffer }[] = [];
for (const size of [16, 32, 48]) images.push({ size, data: await png(size) });
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, data }, index) => {
  const entry = 6 + 16 * index;
  header.writeUInt8(size, entry);
  header.writeUInt8(size, entry + 1);
  header.writeUInt16LE(1, entry + 4);
  header.writeUInt16LE(32, entry + 6);
  header.writeUInt32LE(data.length, entry + 8);
  header.writeUInt32LE(offset, entry + 12);
  offset += data.length;
});
writeFileSync("public/favicon.ico", Buffer.concat([header, ...images.map((image) => image.data)]));
await browser.close();
