// Drives the checkout, a React 19 component on placeOrderForm and
// useActionState, in headless Chromium, and the files both ways:
//
//	node web/e2e/forms.mjs URL OUTDIR
//
// It signs in and fills a cart, then sends the checkout with fields at
// fault (the field errors show, and React's reset leaves the values sent
// in the inputs), with a file that is not an image (the action's own field
// error), and then right, with a photo chosen in the file input from a
// real file in OUTDIR: while the call is held back the button shows it is
// pending, then the order is placed. It downloads the order's receipt and
// checks its bytes, which name the photo by its size and SHA-256: the
// upload arrived whole. It exits 1 at the first step that fails, saying
// which. browser_test.go runs it against a server it starts.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expectText, launch, newPage, png } from "./lib.mjs";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node forms.mjs URL OUTDIR");
  process.exit(2);
}

const browser = await launch();
let step = "opening the page";
try {
  const pageErrors = [];
  // Signed out, the page asks for the orders and is refused.
  const page = await newPage(browser, pageErrors, ["400 /_actions/orders.Store.PlaceOrder", "401 /_actions/orders.Store.ListOrders"]);
  await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor();
  const checkout = page.locator("#checkout");
  const place = page.locator("#place-order");
  const refusal = checkout.getByRole("alert");

  step = "signing in and filling the cart";
  const signIn = page.locator("#sign-in");
  await signIn.getByLabel("Email").fill("ada@example.com");
  await signIn.getByLabel("Password").fill("correct horse");
  await signIn.getByRole("button", { name: "Sign in" }).click();
  await expectText(page.locator("#user-email"), "ada@example.com");
  await page.getByRole("button", { name: "Add Apples to cart" }).click();
  await expectText(page.locator("#cart-count"), "1");

  step = "sending the checkout with fields at fault";
  await checkout.getByLabel("Name").fill("");
  await checkout.getByLabel("Address").fill("Damrak 1, Amsterdam");
  await checkout.getByLabel("Postcode").fill("12");
  await checkout.getByLabel("Express").check();
  await checkout.getByLabel("Note for the courier").fill("Ring twice, please.");
  await place.click();
  await expectText(refusal.locator(".code"), "invalid_argument");
  await expectText(checkout.locator("#checkout-name-error"), "please enter your name");
  await expectText(checkout.locator("#checkout-postcode-error"), '"12" is not a postcode like 1012 AB');
  assert.equal(await checkout.locator(".field-error").count(), 2, "other fields are marked at fault");
  assert.equal(await checkout.getByLabel("Name").getAttribute("aria-invalid"), "true");
  assert.equal(await checkout.getByLabel("Email").getAttribute("aria-invalid"), null);

  step = "seeing the values sent in the form that React reset";
  assert.equal(await checkout.getByLabel("Email").inputValue(), "ada@example.com");
  assert.equal(await checkout.getByLabel("Address").inputValue(), "Damrak 1, Amsterdam");
  assert.equal(await checkout.getByLabel("Postcode").inputValue(), "12");
  assert.equal(await checkout.getByLabel("Express").isChecked(), true, "the delivery chosen is lost");
  assert.equal(await checkout.getByLabel("Note for the courier").inputValue(), "Ring twice, please.");
  // The first field at fault has the focus.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "name");

  step = "sending a file that is not an image (the action's own field error)";
  const photo = path.join(outDir, "door.png");
  await writeFile(photo, png);
  const notes = path.join(outDir, "notes.png");
  await writeFile(notes, "not a picture, whatever its name says");
  await checkout.getByLabel("Name").fill("Ada Lovelace");
  await checkout.getByLabel("Postcode").fill("1012 AB");
  await checkout.getByLabel("Photo of your door, for the courier").setInputFiles(notes);
  await place.click();
  await expectText(checkout.locator("#checkout-photo-error"), "please choose a PNG, JPEG, WebP or GIF image");
  assert.equal(await checkout.locator(".field-error").count(), 1);
  // A file input cannot be filled again: the photo is chosen anew.
  assert.equal(await checkout.getByLabel("Photo of your door, for the courier").inputValue(), "");
  await expectText(page.locator("#cart-count"), "1");

  step = "placing the order with a photo, pending while the call is held back";
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/_actions/orders.Store.PlaceOrder", async (route) => {
    await held;
    await route.continue();
  });
  await checkout.getByLabel("Photo of your door, for the courier").setInputFiles(photo);
  await place.click();
  await expectText(place, "Placing order…");
  assert.equal(await place.isDisabled(), true, "the button is enabled while the order is pending");
  assert.equal(await checkout.getAttribute("aria-busy"), "true");
  assert.equal(await refusal.count(), 0, "the last error is still shown while pending");
  release();
  await expectText(checkout.locator(".placed"), "Thank you! Order A-1001 is on its way to you.");
  await expectText(place, "Place order");
  assert.equal(await place.isEnabled(), true);
  assert.equal(await checkout.locator(".field-error").count(), 0);
  await page.unroute("**/_actions/orders.Store.PlaceOrder");

  step = "seeing the cart emptied and the order listed";
  await expectText(page.locator("#cart-count"), "0");
  await expectText(page.locator("#orders li .what"), "A-1001: 1 item, express");

  step = "downloading the receipt";
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Receipt of A-1001" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "receipt-A-1001.txt");
  const saved = path.join(outDir, "receipt-A-1001.txt");
  await download.saveAs(saved);
  const text = await readFile(saved, "utf8");
  const hash = createHash("sha256").update(png).digest("hex");
  for (const want of [
    "Corner Shop\nReceipt for order A-1001\n",
    " for Ada Lovelace\n\n",
    "  1 × Apples                       €3.20\n",
    "Total                              €3.20\n",
    "Delivery: express\n",
    "Note for the courier: Ring twice, please.\n",
    `Photo for the courier: door.png, ${png.length} bytes, SHA-256 ${hash}\n`,
  ]) {
    assert.ok(text.includes(want), `the receipt has no ${JSON.stringify(want)}:\n${text}`);
  }

  step = "checking the page's log";
  assert.deepEqual(pageErrors, [], "the page logged errors");
  console.log("ok: field errors and the values refilled, the action's field error, pending, an order with a photo, the receipt downloaded");
} catch (err) {
  console.error(`failed while ${step}:\n${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
