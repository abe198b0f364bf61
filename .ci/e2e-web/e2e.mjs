// e2e.mjs: the web build (make web) end to end in a real browser, Debian's
// chromium, headless with software WebGL (SwiftShader), driven through
// playwright-core, which downloads no browser. `make web-e2e` runs it:
//
//   node .ci/e2e-web/e2e.mjs --server build/serveweb --dir dist/web --out build/e2e-web
//
// It serves dist/web with serveweb, opens it at 1280x800 and checks that
//   1. the first frame is drawn (the loading screen gone, the app's window
//      drawn: not one colour), and says how long it took from page load;
//   2. Right changes the detail card (its pixels), and Right again;
//   3. Ctrl+F, then typing "hanoi", narrows the result list (less of it drawn);
//   4. F5 enters presentation mode (the sidebar gives way to the slide,
//      the page asks the browser for full screen), B blanks it, a key
//      brings it back, PageDown steps, and Escape leaves it;
//   5. a preference survives a reload: Ctrl+Plus makes the text bigger,
//      the page is reloaded, and its first frame is the bigger text's;
//   6. with no network (the browser's offline switch, and the server
//      stopped) a reload still opens the app, from what the service worker
//      kept;
//   7. (between 4 and 5) File > Export image… downloads the PNG;
//   8. (before 6) a new build on the server replaces the kept one, once no
//      page of the old one is open;
// and takes the first frame at 1366x768 (a Chromebook's screen) in the dark
// colour scheme (--looks: also 1280x800 dark and 1366x768 light). --loads N
// times N more first visits and N reloads (the README's figures).
// Screenshots of each step go to --out; results.json there has the figures.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, writeFileSync, statSync, readFileSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { chromium } from "playwright-core";

const args = parseArgs(process.argv.slice(2), {
  server: "build/serveweb", dir: "dist/web", out: "build/e2e-web",
  chromium: process.env.CHROMIUM || "/usr/bin/chromium", looks: false, loads: 0,
});
mkdirSync(args.out, { recursive: true });
const results = { date: new Date().toISOString(), steps: [] };
process.exitCode = 1; // until the end is reached
let failures = 0;

function check(ok, what, detail = "") {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ": " + detail : ""}`);
  results.steps.push({ ok, what, detail });
  if (!ok) failures++;
  return ok;
}

// --- PNG: Playwright's screenshots, decoded to RGBA to compare pixels. ---
function decodePNG(buf) {
  let pos = 8, width = 0, height = 0, type = 0, depth = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos), kind = buf.toString("ascii", pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === "IHDR") {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4); depth = data[8]; type = data[9];
      if (depth !== 8 || data[12] !== 0 || (type !== 2 && type !== 6)) throw new Error(`PNG: unsupported (depth ${depth}, type ${type}, interlace ${data[12]})`);
    } else if (kind === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3, stride = width * bpp, raw = inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height * 4), prev = Buffer.alloc(stride), line = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      let v = src[i];
      if (f === 1) v += a; else if (f === 2) v += b; else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      line[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      px[o] = line[x * bpp]; px[o + 1] = line[x * bpp + 1]; px[o + 2] = line[x * bpp + 2]; px[o + 3] = bpp === 4 ? line[x * bpp + 3] : 255;
    }
    line.copy(prev);
  }
  return { width, height, px };
}

// region is {x, y, w, h} as fractions of the image.
function pixels(img, region) {
  const x0 = Math.round(region.x * img.width), y0 = Math.round(region.y * img.height);
  const x1 = Math.round((region.x + region.w) * img.width), y1 = Math.round((region.y + region.h) * img.height);
  return { x0, y0, x1, y1 };
}

// differ is the share of the pixels of region that differ between a and b.
function differ(a, b, region = { x: 0, y: 0, w: 1, h: 1 }) {
  const { x0, y0, x1, y1 } = pixels(a, region);
  let n = 0, d = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const o = (y * a.width + x) * 4;
    n++;
    if (Math.abs(a.px[o] - b.px[o]) + Math.abs(a.px[o + 1] - b.px[o + 1]) + Math.abs(a.px[o + 2] - b.px[o + 2]) > 24) d++;
  }
  return d / n;
}

// ink is the share of the pixels of region that are not its most common
// colour (the background): how much is drawn there.
function ink(img, region = { x: 0, y: 0, w: 1, h: 1 }) {
  const { x0, y0, x1, y1 } = pixels(img, region);
  const counts = new Map();
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const o = (y * img.width + x) * 4, k = (img.px[o] >> 3) << 10 | (img.px[o + 1] >> 3) << 5 | img.px[o + 2] >> 3;
    counts.set(k, (counts.get(k) || 0) + 1);
    n++;
  }
  return 1 - Math.max(...counts.values()) / n;
}

// The app's layout at its default size (docs/screenshot.png): the sidebar
// on the left, the result list below its search and filters, the card
// under the timeline on the right.
const SIDEBAR = { x: 0, y: 0.05, w: 0.26, h: 0.95 };
const HEAD = { x: 0, y: 0.05, w: 0.26, h: 0.33 };
const LIST = { x: 0, y: 0.42, w: 0.26, h: 0.58 };
const CARD = { x: 0.3, y: 0.6, w: 0.7, h: 0.4 };

async function shot(page, name) {
  const buf = await page.screenshot({ path: join(args.out, name + ".png") });
  return decodePNG(buf);
}

// settled waits until two screenshots 300 ms apart are alike (the app has
// drawn what a key asked), at most 10 s, and returns the last.
async function settled(page, name) {
  let last = await shot(page, name);
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(300);
    const next = await shot(page, name);
    if (differ(last, next) < 0.001) return next;
    last = next;
  }
  return last;
}

// firstFrame waits for the page's first frame (index.html sets
// trumpkim.firstFrame when the app first draws) and returns its time from
// the start of the page load, in ms; it fails on the page's own message.
async function firstFrame(page, what) {
  const h = await page.waitForFunction(() => window.trumpkim && (window.trumpkim.firstFrame || window.trumpkim.need),
    null, { timeout: 120000, polling: 50 });
  const v = await h.jsonValue();
  if (typeof v === "string") throw new Error(`${what}: the page says: ${v}`);
  const t = await page.evaluate(() => ({ downloaded: trumpkim.downloaded, compiled: trumpkim.compiled, firstFrame: trumpkim.firstFrame }));
  results.loads = (results.loads || []).concat([{ what, ...Object.fromEntries(Object.entries(t).map(([k, x]) => [k, Math.round(x)])) }]);
  return Math.round(v);
}

async function startServer(dir = args.dir, addr = "127.0.0.1:0") {
  const srv = spawn(args.server, ["-addr", addr, "-quiet", dir], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  for await (const chunk of srv.stdout) {
    out += chunk;
    const m = out.match(/http:\/\/[^ ]+\//);
    if (m) return { srv, url: m[0] };
  }
  throw new Error("serveweb did not start: " + out);
}

async function stopServer(s) {
  if (s.srv.exitCode === null && s.srv.signalCode === null) {
    const exited = once(s.srv, "exit");
    s.srv.kill();
    await exited;
  }
}

const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  // Software WebGL, as on a machine without a GPU; root needs --no-sandbox.
  args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--no-sandbox", "--disable-dev-shm-usage"],
});
let server = await startServer();
try {
  results.browser = `Chromium ${browser.version()}`;
  const wasm = statSync(join(args.dir, "trump-kim-letters.wasm")).size;
  const gz = statSync(join(args.dir, "trump-kim-letters.wasm.gz")).size;
  results.wasm = { raw: wasm, gzip: gz };

  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light", acceptDownloads: true });
  let page = await ctx.newPage();
  const logs = [];
  page.on("console", (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));

  // 1. The first frame.
  await page.goto(server.url);
  const loading = await shot(page, "00-loading");
  const t1 = await firstFrame(page, "first load");
  results.firstFrameMs = t1;
  const first = await settled(page, "01-first-frame");
  check(await page.locator("#loading").isHidden(), "the loading screen is gone at the first frame");
  check(ink(first) > 0.05 && ink(first, SIDEBAR) > 0.02, "1. the first frame shows the app", `${t1} ms from page load; ${(ink(first) * 100).toFixed(1)}% drawn`);
  check(differ(loading, first) > 0.05, "the first frame is not the loading screen");
  check(await page.title() === "Trump–Kim Letters", "the page's title is the app's name", await page.title());

  // 2. Right changes the card, and Right again.
  await page.keyboard.press("ArrowRight");
  const right1 = await settled(page, "02-right");
  await page.keyboard.press("ArrowRight");
  const right2 = await settled(page, "03-right-again");
  check(differ(first, right1, CARD) > 0.02 && differ(right1, right2, CARD) > 0.02, "2. Right changes the card",
    `${(differ(first, right1, CARD) * 100).toFixed(1)}%, then ${(differ(right1, right2, CARD) * 100).toFixed(1)}% of its pixels`);

  // Edit > Copy (Ctrl+C) puts the event shown, with its citation, on the
  // clipboard.
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
  await page.keyboard.press("Control+KeyC");
  let copied = "";
  for (let i = 0; i < 20 && !copied; i++) {
    await page.waitForTimeout(250);
    copied = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
  }
  check(/Voice of America/.test(copied), "Ctrl+C copies the event with its citation", JSON.stringify(copied.slice(0, 80)) + "…");

  // 3. Ctrl+F, "hanoi": the list narrows.
  await page.keyboard.press("Control+KeyF");
  await page.keyboard.type("hanoi", { delay: 50 });
  const hanoi = await settled(page, "04-search-hanoi");
  check(ink(hanoi, LIST) < 0.6 * ink(right2, LIST), "3. Ctrl+F, \"hanoi\" narrows the list",
    `${(ink(right2, LIST) * 100).toFixed(1)}% of the list's area drawn before, ${(ink(hanoi, LIST) * 100).toFixed(1)}% after`);

  // 4. F5: presentation mode, full screen through the browser; Escape leaves.
  await page.keyboard.press("F5");
  const present = await settled(page, "05-presentation");
  const full = await page.evaluate(() => !!document.fullscreenElement);
  check(differ(hanoi, present, SIDEBAR) > 0.1 && page.url() === server.url, "4. F5 enters presentation mode (the page is not reloaded)",
    `${(differ(hanoi, present, SIDEBAR) * 100).toFixed(1)}% of the sidebar's pixels changed`);
  check(full, "4. presentation mode asks the browser for full screen", `document.fullscreenElement ${full ? "set" : "not set"}`);
  // A clicker's keys, which Fyne's web driver leaves unnamed (app/web): B
  // blanks the slide, any key brings it back where it was, PageDown steps.
  await page.keyboard.press("KeyB");
  const blank = await settled(page, "05b-blank");
  check(ink(blank) < 0.001, "4. B blanks the slide", `${(ink(blank) * 100).toFixed(1)}% of the page drawn`);
  await page.keyboard.press("ArrowLeft");
  const unblanked = await settled(page, "05c-unblanked");
  check(differ(present, unblanked) < 0.01, "4. a key brings the slide back where it was",
    `${(differ(present, unblanked) * 100).toFixed(1)}% of the pixels differ`);
  await page.keyboard.press("PageDown");
  const stepped = await settled(page, "05d-pagedown");
  check(differ(unblanked, stepped) > 0.02, "4. PageDown steps", `${(differ(unblanked, stepped) * 100).toFixed(1)}% of the pixels changed`);
  await page.keyboard.press("Escape");
  const back = await settled(page, "06-presentation-left");
  // (the presented event is then the selected one, so the list's highlight moves)
  check(differ(hanoi, back, HEAD) < 0.05 && !(await page.evaluate(() => !!document.fullscreenElement)),
    "4. Escape leaves presentation mode and full screen", `${(differ(hanoi, back, HEAD) * 100).toFixed(1)}% of the search and filters differ from before F5`);

  // 7. Export image downloads the PNG: Ctrl+E, then the dialog's Download
  // button (at 1280x800 the dialog is centred, its button right of centre).
  await page.keyboard.press("Control+KeyE");
  await settled(page, "06b-export-dialog");
  const download = page.waitForEvent("download", { timeout: 120000 });
  await page.mouse.click(697, 437);
  const dl = await download;
  const png = await dl.createReadStream().then(async (st) => { const parts = []; for await (const c of st) parts.push(c); return Buffer.concat(parts); });
  const size = png.length > 24 && png.toString("ascii", 1, 4) === "PNG" ? `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}` : "not a PNG";
  writeFileSync(join(args.out, "06c-" + dl.suggestedFilename()), png);
  check(size === "1920x1080" && dl.suggestedFilename() === "trump-kim-hanoi-summit.png", "7. Export image downloads the PNG",
    `${dl.suggestedFilename()}, ${size}, ${png.length} bytes`);
  await settled(page, "06d-exported");

  // 5. A preference survives a reload: the text size.
  await page.keyboard.press("Escape"); // clear the search
  await page.keyboard.press("Control+Equal");
  await settled(page, "07-bigger-text");
  await page.waitForFunction(() => /"textScale":1\.1/.test(localStorage.getItem("fyne-preferences.json") || ""), null, { timeout: 5000 })
    .catch(() => {});
  const prefs = await page.evaluate(() => localStorage.getItem("fyne-preferences.json"));
  // The offline step needs the service worker running and the app kept.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const k of keys) if (await (await caches.open(k)).match("trump-kim-letters.wasm")) return true;
    return false;
  }, null, { timeout: 60000, polling: 500 });
  await page.reload();
  const t5 = await firstFrame(page, "reload");
  results.reloadFirstFrameMs = t5;
  const reloaded = await settled(page, "08-reloaded");
  check(/"textScale":\s*1\.1/.test(prefs || "") && differ(first, reloaded, SIDEBAR) > 0.05,
    "5. a preference survives a reload (the bigger text)", `stored ${prefs}; first frame after reload ${t5} ms`);

  // The browser's colour scheme changes while the app runs (a Chromebook's
  // automatic dark mode at dusk): the app follows it and goes on.
  await page.emulateMedia({ colorScheme: "dark" });
  const dusk = await settled(page, "08b-dark-scheme");
  const stopped = await page.evaluate(() => window.trumpkim.need);
  check(!stopped && differ(reloaded, dusk, SIDEBAR) > 0.3, "the app follows the browser into the dark colour scheme",
    stopped || `${(differ(reloaded, dusk, SIDEBAR) * 100).toFixed(1)}% of the sidebar changed`);
  await page.emulateMedia({ colorScheme: "light" });
  await settled(page, "08c-light-scheme");

  // 0. A browser without WebGL (Chromium with it switched off), or without
  // WebAssembly (taken away before the page runs), says so.
  for (const [what, flag, want] of [["WebGL", "--disable-webgl", /cannot draw with WebGL/], ["WebAssembly", "", /cannot run WebAssembly/]]) {
    const b = await chromium.launch({ executablePath: args.chromium, headless: true, args: [flag, "--no-sandbox", "--disable-dev-shm-usage"].filter(Boolean) });
    const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
    if (!flag) await p.addInitScript(() => { delete globalThis.WebAssembly; });
    await p.goto(server.url);
    const said = await p.waitForFunction(() => window.trumpkim && window.trumpkim.need, null, { timeout: 30000 }).then((h) => h.jsonValue(), () => "");
    await shot(p, `00-no-${what.toLowerCase()}`);
    check(want.test(said) && await p.locator("#message").isVisible(), `0. a browser without ${what} says so`, said.replace(/<br>.*/, ""));
    await b.close();
  }

  // Looks: the first frame at a Chromebook's 1366x768, dark; with --looks
  // also 1280x800 dark and 1366x768 light.
  const looks = [{ w: 1366, h: 768, scheme: "dark" }];
  if (args.looks) looks.push({ w: 1280, h: 800, scheme: "dark" }, { w: 1366, h: 768, scheme: "light" });
  for (const l of looks) {
    const c = await browser.newContext({ viewport: { width: l.w, height: l.h }, colorScheme: l.scheme });
    const p = await c.newPage();
    await p.goto(server.url);
    await shot(p, `look-${l.w}x${l.h}-${l.scheme}-loading`);
    const t = await firstFrame(p, `${l.w}x${l.h} ${l.scheme}`);
    const img = await settled(p, `look-${l.w}x${l.h}-${l.scheme}`);
    const o = ((img.height >> 1) * img.width + (img.width >> 1)) * 4;
    const dark = img.px[o] + img.px[o + 1] + img.px[o + 2] < 3 * 128;
    check(ink(img) > 0.05 && dark === (l.scheme === "dark"), `the app at ${l.w}x${l.h}, ${l.scheme} colour scheme`, `first frame ${t} ms`);
    await c.close();
  }

  // --loads N: N more first loads, each in a fresh context (nothing kept),
  // and N reloads in one context (the app kept by the page), for timings.
  if (args.loads > 0) {
    const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
    const cold = [], warm = [];
    const wctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const wpage = await wctx.newPage();
    await wpage.goto(server.url);
    await firstFrame(wpage, "warm-up");
    for (let i = 0; i < args.loads; i++) {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const p = await c.newPage();
      await p.goto(server.url);
      cold.push(await firstFrame(p, `first load ${i + 1}`));
      await c.close();
      await wpage.reload();
      warm.push(await firstFrame(wpage, `reload ${i + 1}`));
    }
    await wctx.close();
    results.timing = { cold, warm, coldMedian: median(cold), warmMedian: median(warm) };
    console.log(`first frame from page load, ${args.loads} runs: first visit ${cold.join(", ")} ms (median ${median(cold)}); ` +
      `later visits ${warm.join(", ")} ms (median ${median(warm)})`);
  }

  // 8. A new build on the server (this one with another id): a reload still
  // gets the version the page is, its service worker fetches the new one,
  // and once the old version's page is closed the next one is the new
  // version, with only its files kept.
  const id = readFileSync(join(args.dir, "sw.js"), "utf8").match(/trumpkim-([0-9a-f]+)/)[1];
  const next = join(args.out, "next-web");
  rmSync(next, { recursive: true, force: true });
  mkdirSync(next);
  for (const f of readdirSync(args.dir)) {
    const src = resolve(args.dir, f);
    if (f === "index.html" || f === "sw.js") writeFileSync(join(next, f), readFileSync(src, "utf8").replaceAll(id, id + "next"));
    else symlinkSync(src, join(next, f));
  }
  await stopServer(server);
  server = await startServer(next, new URL(server.url).host); // the same origin
  await page.reload();
  await firstFrame(page, "reload, a new build on the server");
  const still = await page.evaluate(() => trumpkim.build);
  await page.waitForFunction(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting, null, { timeout: 60000, polling: 500 });
  // The browser lets the waiting worker take over a moment after the old
  // version's last page is gone: a page opened sooner is still the old one.
  let now = still;
  for (let i = 0; i < 5 && now === still; i++) {
    await page.close();
    await new Promise((r) => setTimeout(r, 1000));
    page = await ctx.newPage();
    await page.goto(server.url);
    await firstFrame(page, "the new build");
    now = await page.evaluate(() => trumpkim.build);
  }
  const kept = await page.evaluate(() => caches.keys());
  check(still === id && now === id + "next" && kept.join() === "trumpkim-" + id + "next",
    "8. a new build on the server replaces the kept one once the old one's page is closed", `${still} -> ${now}; kept: ${kept.join(", ")}`);

  // 6. Offline: the browser's offline switch, and no server at all.
  await stopServer(server);
  await ctx.setOffline(true);
  await page.reload();
  const t6 = await firstFrame(page, "offline reload");
  results.offlineFirstFrameMs = t6;
  const offline = await settled(page, "09-offline");
  check(ink(offline, SIDEBAR) > 0.02 && differ(reloaded, offline, SIDEBAR) < 0.02, "6. offline, a reload still opens the app",
    `first frame ${t6} ms`);

  writeFileSync(join(args.out, "console.log"), logs.join("\n") + "\n");
  await ctx.close();
} catch (e) {
  check(false, "the web end-to-end test ran", e.stack || String(e));
} finally {
  await browser.close();
  await stopServer(server);
}
results.failures = failures;
writeFileSync(join(args.out, "results.json"), JSON.stringify(results, null, 2) + "\n");
const passed = results.steps.filter((s) => s.ok).length;
console.log(`web e2e: first frame ${results.firstFrameMs} ms from page load (wasm ${(results.wasm?.raw / 1e6).toFixed(1)} MB, ${(results.wasm?.gzip / 1e6).toFixed(2)} MB gzipped), ` +
  `${results.reloadFirstFrameMs} ms on reload, ${results.offlineFirstFrameMs} ms offline; screenshots in ${args.out}`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

function parseArgs(argv, defaults) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, "");
    if (!(k in o)) throw new Error(`unknown option ${argv[i]}`);
    if (typeof o[k] === "boolean") o[k] = true; else o[k] = argv[++i];
  }
  return o;
}
