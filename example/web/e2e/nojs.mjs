// Drives the shop in headless Chromium with JavaScript disabled, as a
// customer whose browser runs no script:
//
//	node web/e2e/nojs.mjs URL OUTDIR
//
// Every form posts to its action (/_actions/<ID>), which answers 303 See
// Other back to the page, or on to where the action sends it, and the page
// the server renders shows the outcome: it adds products (and is refused
// one too many), is refused the checkout signed out, signs in (a JSON call,
// as a script on an earlier visit would have made: signing in has no form
// without one), sends the checkout with fields at fault and sees them
// marked with the values sent filled in again, then sends it right with a
// photo and lands on the order's page, whose receipt link downloads the
// receipt, checked for the photo's size and SHA-256. It exits 1 at the first step that
// fails, saying which. browser_test.go runs it against a server it starts.

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expectText, launch, newPage, png } from "./lib.mjs";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node nojs.mjs URL OUTDIR");
  process.exit(2);
}

const browser = await launch();
let step = "opening the page";
try {
  const pageErrors = [];
  const page = await newPage(browser, pageErrors, [], { javaScriptEnabled: false });
  // Each form post, and where it sent the browser.
  const posts = [];
  page.on("response", (res) => {
    if (res.request().method() === "POST") {
      posts.push(`${res.status()} ${new URL(res.url()).pathname} → ${res.headers()["location"] ?? ""}`);
    }
  });
  /** Clicks a submit button and waits for the page the 303 leads to. */
  async function submit(button) {
    const before = posts.length;
    await Promise.all([page.waitForNavigation(), button.click()]);
    await page.waitForLoadState("domcontentloaded");
    assert.equal(posts.length, before + 1, "the form was not posted");
    return posts.at(-1);
  }

  await page.goto(url);
  assert.equal(await page.locator("body").getAttribute("data-ready"), null, "the script ran");
  const checkout = page.locator("#checkout");
  const refusal = checkout.getByRole("alert");
  const count = page.locator("#cart-count");

  step = "seeing the page the server rendered";
  await expectText(page.getByText("Signing in needs JavaScript."), "Signing in needs JavaScript.");
  assert.equal(await page.locator("#sign-in").isHidden(), true, "the sign-in form shows without its script");
  assert.equal(await page.locator("#delivery").isHidden(), true, "the delivery check shows without its script");
  await expectText(checkout.locator(".hint"), "Sign in to place your order.");
  assert.equal(await page.locator("#products li").count(), 8, "the page does not show every product");

  step = "adding products with their forms";
  assert.equal(await submit(page.getByRole("button", { name: "Add Sourdough loaf to cart" })), "303 /_actions/cart.Store.Add → /");
  await expectText(count, "1");
  await submit(page.getByRole("button", { name: "Add Croissants to cart" }));
  await expectText(count, "2");
  await expectText(page.locator("#cart-total"), "€8.85");
  await expectText(page.locator("#cart-lines li").first(), "🍞 Sourdough loaf × 1 €5.25");

  step = "adding croissants that are not there (the error bar, server-rendered)";
  await submit(page.getByRole("button", { name: "Add Croissants to cart" }));
  const error = page.locator("#error");
  await expectText(error.locator(".code"), "failed_precondition");
  await expectText(error.locator(".message"), "only 1 of Croissants left, cannot take 2");
  await expectText(count, "2");
  assert.equal(await page.getByRole("button", { name: "Add Wildflower honey to cart" }).isDisabled(), true);

  step = "placing the order signed out (the session interceptor)";
  await checkout.getByLabel("Name").fill("Ada Lovelace");
  await checkout.getByLabel("Email").fill("ada@example.com");
  await checkout.getByLabel("Pick up at the shop").check();
  assert.equal(await submit(checkout.getByRole("button", { name: "Place order" })), "303 /_actions/orders.Store.PlaceOrder → /");
  await expectText(refusal.locator(".code"), "unauthenticated");
  await expectText(refusal.locator(".message"), "please sign in");
  assert.equal(await error.isHidden(), true, "the error bar still shows the Add's error");
  assert.equal(await checkout.getByLabel("Name").inputValue(), "Ada Lovelace");
  assert.equal(await checkout.getByLabel("Pick up at the shop").isChecked(), true);

  step = "signing in (with a JSON call, as the script would have)";
  const res = await page.request.post(new URL("/_actions/account.Store.SignIn", url).href, {
    data: [{ email: "ada@example.com", password: "correct horse" }],
  });
  assert.equal(res.status(), 200);
  await page.reload();
  await expectText(page.locator("#user-email"), "ada@example.com");
  assert.equal(await checkout.locator(".hint").count(), 0, "the checkout still says to sign in");
  await expectText(page.locator("#orders-empty"), "No orders yet.");

  step = "sending the checkout with fields at fault";
  await checkout.getByLabel("Name").fill("");
  await checkout.getByLabel("Email").fill("ada@example.com");
  await checkout.getByLabel("Address").fill("Damrak 1, Amsterdam");
  await checkout.getByLabel("Postcode").fill("12");
  await checkout.getByLabel("Express").check();
  await checkout.getByLabel("Note for the courier").fill("Ring twice, please.");
  assert.equal(await submit(checkout.getByRole("button", { name: "Place order" })), "303 /_actions/orders.Store.PlaceOrder → /");
  await expectText(refusal.locator(".code"), "invalid_argument");
  await expectText(checkout.locator("#checkout-name-error"), "please enter your name");
  await expectText(checkout.locator("#checkout-postcode-error"), '"12" is not a postcode like 1012 AB');
  assert.equal(await checkout.locator(".field-error").count(), 2);
  assert.equal(await checkout.getByLabel("Name").getAttribute("autofocus"), "", "the first field at fault has no autofocus");

  step = "seeing the values sent filled in again";
  assert.equal(await checkout.getByLabel("Email").inputValue(), "ada@example.com");
  assert.equal(await checkout.getByLabel("Address").inputValue(), "Damrak 1, Amsterdam");
  assert.equal(await checkout.getByLabel("Postcode").inputValue(), "12");
  assert.equal(await checkout.getByLabel("Express").isChecked(), true);
  assert.equal(await checkout.getByLabel("Note for the courier").inputValue(), "Ring twice, please.");

  const shot = path.join(outDir, "nojs-checkout.png");
  await checkout.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);

  step = "placing the order with a photo, and landing on its page";
  await checkout.getByLabel("Name").fill("Ada Lovelace");
  await checkout.getByLabel("Postcode").fill("1012 AB");
  const photo = path.join(outDir, "front-door.png");
  await writeFile(photo, png);
  await checkout.getByLabel("Photo of your door, for the courier").setInputFiles(photo);
  assert.equal(
    await submit(checkout.getByRole("button", { name: "Place order" })),
    "303 /_actions/orders.Store.PlaceOrder → /orders/A-1001",
  );
  assert.equal(new URL(page.url()).pathname, "/orders/A-1001");
  const order = page.locator("#order");
  await expectText(order.locator(".placed"), "Thank you! Order A-1001 is on its way to you.");
  await expectText(order.locator("h2"), "Order A-1001");
  await expectText(order.locator(".lines li").nth(1), "🥐 Croissants × 1 €3.60");
  await expectText(order.locator(".total output"), "€8.85");
  await expectText(order.locator(".note"), "Ring twice, please.");
  await expectText(order.locator(".photo"), "front-door.png");

  step = "downloading the receipt by its link";
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    order.getByRole("link", { name: "Download the receipt" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "receipt-A-1001.txt");
  const saved = path.join(outDir, "nojs-receipt-A-1001.txt");
  await download.saveAs(saved);
  const receipt = await readFile(saved, "utf8");
  const hash = createHash("sha256").update(png).digest("hex");
  for (const want of ["Receipt for order A-1001\n", `Photo for the courier: front-door.png, ${png.length} bytes, SHA-256 ${hash}\n`]) {
    assert.ok(receipt.includes(want), `the receipt has no ${JSON.stringify(want)}:\n${receipt}`);
  }

  step = "reloading the order's page: the outcome was read once";
  await page.reload();
  await expectText(order.locator("h2"), "Order A-1001");
  assert.equal(await order.locator(".placed").count(), 0, "the thanks show again");

  step = "going back to the shop";
  await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Back to the shop" }).first().click()]);
  await expectText(count, "0");
  await expectText(page.locator("#orders li .what"), "A-1001: 2 items, express");
  assert.equal(await checkout.locator(".field-error").count(), 0);

  step = "checking the page's log";
  assert.deepEqual(pageErrors, [], "the page logged errors");
  console.log("ok without JavaScript: added products, saw the errors, the fields at fault and the values sent, placed an order with a photo, saw its page, downloaded its receipt");
} catch (err) {
  console.error(`failed while ${step}:\n${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
