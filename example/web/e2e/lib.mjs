// What the browser scripts share: launching headless Chromium, a page
// whose errors are collected, and a wait for a text.

import { chromium } from "playwright-core";
import assert from "node:assert/strict";

/** Launches the headless Chromium of make browser-deps. */
export function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * Opens a page in a browser context of its own (its own cookies: another
 * customer), whose errors go to errors. Anything the page logs as an error
 * counts, except Chromium's own line for each response with an error
 * status; and every response must succeed but those in expectedFailures
 * ("STATUS PATH"), the errors made on purpose. contextOptions go to
 * browser.newContext (javaScriptEnabled: false, for one).
 */
export async function newPage(browser, errors, expectedFailures = [], contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("pageerror", (err) => errors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) errors.push(msg.text());
  });
  const expected = new Set(expectedFailures);
  page.on("response", (res) => {
    if (res.status() >= 400 && !expected.has(`${res.status()} ${new URL(res.url()).pathname}`)) {
      errors.push(`${res.status()} ${res.url()}`);
    }
  });
  return page;
}

/** Waits until the locator's text is want, and fails with both texts if it never is. */
export async function expectText(locator, want) {
  try {
    await locator.filter({ hasText: want }).waitFor({ timeout: 5_000 });
  } catch {
    const got = await locator.textContent().catch(() => "(no such element)");
    throw new Error(`want text ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const got = (await locator.textContent())?.trim();
  assert.equal(got, want);
}

/**
 * The smallest PNG file, one pixel: a real image for the checkout's photo
 * input, which the server checks by its bytes.
 */
export const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
