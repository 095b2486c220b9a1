// Drives the running shop in headless Chromium, as a customer would:
//
//	node web/e2e/shop.mjs URL OUTDIR
//
// It adds products and checks the cart's total, provokes the typed error of
// an out-of-stock product, starts the slow delivery check and cancels it,
// checks delivery again to the end, has the form refused and then places
// the order, and writes a screenshot to OUTDIR/shop.png. It exits 1 at the first
// step that fails, saying which. browser_test.go runs it against a server
// it starts.

import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import path from "node:path";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node shop.mjs URL OUTDIR");
  process.exit(2);
}

const browser = await chromium.launch({
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

let step = "opening the page";
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
  // Anything the page logs as an error fails the run, except Chromium's
  // own line for each response with an error status: the typed error is
  // one on purpose.
  const pageErrors = [];
  page.on("pageerror", (err) => pageErrors.push(err.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().startsWith("Failed to load resource")) pageErrors.push(msg.text());
  });
  // Every response must succeed but those of the two errors made on purpose.
  const expectedFailures = new Set(["412 /_actions/cart.AddToCart", "400 /_actions/orders.PlaceOrder"]);
  page.on("response", (res) => {
    if (res.status() >= 400 && !expectedFailures.has(`${res.status()} ${new URL(res.url()).pathname}`)) {
      pageErrors.push(`${res.status()} ${res.url()}`);
    }
  });

  await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor();

  const total = page.locator("#cart-total");
  const count = page.locator("#cart-count");
  const error = page.getByRole("alert");

  step = "adding two products";
  await page.getByRole("button", { name: "Add Apples to cart" }).click();
  await expectText(count, "1");
  await page.getByRole("button", { name: "Add Sourdough loaf to cart" }).click();
  await expectText(count, "2");
  // €3.20 + €5.25
  await expectText(total, "€8.45");
  assert.equal(await page.locator("#cart-lines li").count(), 2);

  step = "showing the second page of products";
  assert.equal(await page.locator("#products li").count(), 6);
  await page.getByRole("button", { name: "Show more" }).click();
  await page.locator("#products li").nth(6).waitFor();
  assert.equal(await page.getByRole("button", { name: "Show more" }).isHidden(), true, "Show more is still shown on the last page");

  step = "adding the last box of croissants";
  const croissants = page.getByRole("button", { name: "Add Croissants to cart" });
  await croissants.click();
  await expectText(total, "€12.05");

  step = "adding croissants that are not there (the typed error)";
  await croissants.click();
  await error.waitFor();
  await expectText(error.locator(".code"), "failed_precondition");
  await expectText(error.locator(".message"), "only 1 of Croissants left, cannot take 2");
  // The failed call changed nothing.
  await expectText(total, "€12.05");
  await expectText(count, "3");

  step = "removing a product";
  await page.getByRole("button", { name: "Remove Croissants" }).click();
  await expectText(total, "€8.45");
  assert.equal(await error.isHidden(), true, "the error bar is still shown after a call that succeeded");

  step = "starting the delivery check";
  await page.getByLabel("Postcode").fill("1012 AB");
  const check = page.getByRole("button", { name: "Check delivery options" });
  const cancel = page.getByRole("button", { name: "Cancel" });
  await check.click();
  await expectText(page.locator("#delivery-status"), "Asking the couriers…");
  assert.equal(await check.isDisabled(), true, "the check button is enabled while its call is in flight");
  await cancel.waitFor();
  // Long enough for the request to reach the server, far shorter than the
  // check itself.
  await page.waitForTimeout(500);

  step = "cancelling the delivery check";
  const canceledAt = Date.now();
  await cancel.click();
  await expectText(page.locator("#delivery-status"), "Delivery check cancelled.");
  const tookMs = Date.now() - canceledAt;
  assert.ok(tookMs < 1000, `the page took ${tookMs} ms to show the cancel`);
  assert.equal(await check.isEnabled(), true, "the check button stays disabled after the cancel");
  assert.equal(await cancel.isHidden(), true, "the cancel button is still shown after the cancel");
  assert.equal(await page.locator("#delivery-options li").count(), 0);

  step = "checking delivery to the end";
  await check.click();
  await expectText(page.locator("#delivery-status"), "Choose one:");
  assert.equal(await page.locator("#delivery-options li").count(), 3);
  await page.getByRole("button", { name: /^Bike Couriers express/ }).click();
  assert.equal(await page.getByLabel("Delivery").inputValue(), "express");
  await expectText(page.locator("#delivery-options [aria-pressed=true] strong"), "Bike Couriers");

  step = "placing an order without a name (the form's Validate)";
  const place = page.getByRole("button", { name: "Place order" });
  await place.click();
  await expectText(error.locator(".code"), "invalid_argument");
  await expectText(error.locator(".message"), "please enter your name");

  step = "placing the order";
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("ada@example.com");
  await page.getByLabel("Address").fill("Damrak 1, Amsterdam");
  await page.getByLabel("Note for the courier").fill("Ring twice, please.");
  await place.click();
  await page.locator("#orders li").waitFor();
  assert.match(await page.locator("#orders li .what").textContent(), /^A-\d+: 2 items, express$/);
  await expectText(page.locator("#orders li .amount"), "€8.45");
  await expectText(count, "0");
  await expectText(total, "€0.00");
  assert.match(await page.locator("#delivery-status").textContent(), /^Thank you! Order A-\d+ is on its way to you\.$/);

  step = "showing the typed error again for the screenshot";
  // The order reloaded the products, from the first page.
  await page.getByRole("button", { name: "Show more" }).click();
  await croissants.click();
  await croissants.click();
  await expectText(error.locator(".code"), "failed_precondition");

  step = "taking the screenshot";
  const shot = path.join(outDir, "shop.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  step = "checking the page's log";
  assert.deepEqual(pageErrors, [], "the page logged errors");
  console.log("ok: added products, saw the total, the typed error, a cancelled call and an order placed");
} catch (err) {
  console.error(`failed while ${step}:\n${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

/** Waits until the locator's text is want, and fails with both texts if it never is. */
async function expectText(locator, want) {
  try {
    await locator.filter({ hasText: want }).waitFor({ timeout: 5_000 });
  } catch {
    const got = await locator.textContent().catch(() => "(no such element)");
    throw new Error(`want text ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const got = (await locator.textContent())?.trim();
  assert.equal(got, want);
}
