// Renders the Marketplace icon (media/icon.png, 128×128) from the SVG below with headless Chromium.
// The motif is the start order itself: a short init bar, then the app, then a sidecar, each
// starting when the one before has finished, like a Gantt chart of a task's containers.
//   node scripts/render-icon.mjs            (CHROMIUM_PATH overrides /usr/bin/chromium)
import { chromium } from 'playwright-core';
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');

const svg = `
<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 128 128">
  <defs>
    <marker id="head" viewBox="0 0 10 10" refX="7" refY="5" markerWidth="4.2" markerHeight="4.2" orient="auto">
      <path d="M1 1 L8 5 L1 9 z" fill="#C9D3DD"/>
    </marker>
  </defs>
  <rect x="2" y="2" width="124" height="124" rx="26" fill="#232F3E"/>
  <!-- init container: runs first and exits -->
  <rect x="16" y="22" width="40" height="20" rx="6" fill="#FF9900"/>
  <path d="M27 32.5 l5 5 l10 -10" fill="none" stroke="#232F3E" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/>
  <!-- app: waits for init (SUCCESS) -->
  <path d="M28 45 V63 H45" fill="none" stroke="#C9D3DD" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" marker-end="url(#head)"/>
  <rect x="52" y="53" width="60" height="20" rx="6" fill="#F2F5F8"/>
  <!-- sidecar: waits for the app (HEALTHY) -->
  <path d="M64 76 V94 H73" fill="none" stroke="#C9D3DD" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" marker-end="url(#head)"/>
  <rect x="80" y="84" width="32" height="20" rx="6" fill="#4FB8E8"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({
    viewport: { width: SIZE, height: SIZE },
    deviceScaleFactor: 1,
  });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
} finally {
  await browser.close();
}
console.log(`wrote ${out} (${statSync(out).size} bytes)`);
