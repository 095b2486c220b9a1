// Drives the running shop in headless Chromium, as customers would:
//
//	node web/e2e/shop.mjs URL OUTDIR
//
// It adds products and checks the cart's total, provokes the typed error of
// an out-of-stock product, starts the slow delivery check and cancels it,
// checks delivery again to the end, has the form refused, sees the orders
// refused while signed out, signs in and places the order, sees the stock
// change live as it does and as another customer buys, reloads and stays
// signed in, signs out, and writes a screenshot to OUTDIR/shop.png. Along
// the way it asks the server (URL/_test/streams, which browser_test.go
// serves) how many stock streams it has open, to see that a page's stream
// ends when the page goes away. It exits 1 at the first step that fails,
// saying which. browser_test.go runs it against a server it starts.

import assert from "node:assert/strict";
import path from "node:path";
import { expectText, launch, newPage as openPage } from "./lib.mjs";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node shop.mjs URL OUTDIR");
  process.exit(2);
}

const browser = await launch();

let step = "opening the page";
try {
  const pageErrors = [];
  const page = await newPage(pageErrors);

  await page.goto(url);
  await page.locator("body[data-ready=true]").waitFor();

  const total = page.locator("#cart-total");
  const count = page.locator("#cart-count");
  const error = page.locator("#error");
  const refused = page.locator("#orders-refused");

  step = "seeing the orders refused while signed out";
  await expectText(refused.locator(".code"), "unauthenticated");
  await expectText(refused.locator(".message"), "please sign in");
  assert.equal(await page.locator("#orders li").count(), 0);

  step = "seeing the stock stream connect";
  await expectText(page.locator("#live"), "Live stock");
  await expectOpenStreams(1);

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
  const checkout = page.locator("#checkout");
  await page.locator("#delivery-check").getByLabel("Postcode").fill("1012 AB");
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
  // Choosing fills in the checkout, a React component, from outside it.
  assert.equal(await checkout.getByLabel("Express").isChecked(), true, "choosing Bike Couriers did not choose express");
  assert.equal(await checkout.getByLabel("Postcode").inputValue(), "1012 AB");
  await expectText(page.locator("#delivery-options [aria-pressed=true] strong"), "Bike Couriers");

  step = "placing an order without a name (the form's Validate)";
  const place = page.locator("#place-order");
  const refusal = checkout.getByRole("alert");
  await place.click();
  await expectText(refusal.locator(".code"), "invalid_argument");
  await expectText(checkout.locator("#checkout-name-error"), "please enter your name");
  await expectText(checkout.locator("#checkout-email-error"), "please enter an email address");

  step = "placing the order signed out (the session interceptor)";
  await checkout.getByLabel("Name").fill("Ada Lovelace");
  await checkout.getByLabel("Email").fill("ada@example.com");
  await checkout.getByLabel("Address").fill("Damrak 1, Amsterdam");
  await checkout.getByLabel("Note for the courier").fill("Ring twice, please.");
  await place.click();
  await expectText(refusal.locator(".code"), "unauthenticated");
  await expectText(refusal.locator(".message"), "please sign in");
  await expectText(count, "2");
  assert.equal(await checkout.locator(".field-error").count(), 0, "field errors are still shown");
  // React reset the form, to the values sent.
  assert.equal(await checkout.getByLabel("Name").inputValue(), "Ada Lovelace");
  assert.equal(await checkout.getByLabel("Express").isChecked(), true);

  step = "signing in";
  await signInAs(page, "ada@example.com", "correct horse");
  await expectText(page.locator("#user-email"), "ada@example.com");
  assert.equal(await refused.isHidden(), true, "the orders are still refused after signing in");
  await expectText(page.locator("#orders-empty"), "No orders yet.");

  step = "placing the order";
  const bread = page.locator('[data-product="bread"] .stock');
  await expectText(bread, "8 in stock");
  await place.click();
  await page.locator("#orders li").waitFor();
  assert.match(await page.locator("#orders li .what").textContent(), /^A-\d+: 2 items, express$/);
  await expectText(page.locator("#orders li .amount"), "€8.45");
  await expectText(count, "0");
  await expectText(total, "€0.00");
  assert.match(await checkout.locator(".placed").textContent(), /^Thank you! Order A-\d+ is on its way to you\.$/);

  step = "seeing the order's stock go, streamed";
  await expectText(bread, "7 in stock");

  step = "seeing another customer buy, streamed";
  const pears = page.locator('[data-product="pear"] .stock');
  await expectText(pears, "25 in stock");
  const otherErrors = [];
  const other = await newPage(otherErrors);
  await other.goto(url);
  await other.locator("body[data-ready=true]").waitFor();
  await signInAs(other, "grace@example.com", "analytical engine");
  // Ada's order is hers alone.
  await expectText(other.locator("#orders-empty"), "No orders yet.");
  await other.getByRole("button", { name: "Add Pears to cart" }).click();
  await other.getByRole("button", { name: "Add Pears to cart" }).click();
  await expectText(other.locator("#cart-count"), "2");
  const otherCheckout = other.locator("#checkout");
  await otherCheckout.getByLabel("Name").fill("Grace Hopper");
  await otherCheckout.getByLabel("Pick up at the shop").check();
  await other.getByRole("button", { name: "Place order" }).click();
  await other.locator("#orders li").waitFor();
  // Ada's page did nothing: the stream brought the change.
  await expectText(pears, "23 in stock");
  assert.deepEqual(otherErrors, [], "the other customer's page logged errors");
  await other.close();

  step = "reloading, still signed in";
  await page.reload();
  await page.locator("body[data-ready=true]").waitFor();
  await expectText(page.locator("#user-email"), "ada@example.com");
  await page.locator("#orders li").waitFor();
  assert.equal(await page.locator("#orders li").count(), 1);
  await expectText(page.locator('[data-product="bread"] .stock'), "7 in stock");
  // The pages that went away, the one before the reload and the other
  // customer's, stopped their streams.
  await expectOpenStreams(1);

  step = "signing out";
  await page.getByRole("button", { name: "Sign out" }).click();
  await expectText(refused.locator(".code"), "unauthenticated");
  await expectText(refused.locator(".message"), "please sign in");
  assert.equal(await page.locator("#orders li").count(), 0);
  assert.equal(await page.locator("#sign-in").isVisible(), true, "the sign-in form is hidden after signing out");

  step = "signing in with the wrong password";
  await signInAs(page, "ada@example.com", "wrong horse");
  await expectText(error.locator(".code"), "unauthenticated");
  await expectText(error.locator(".message"), "wrong email or password");
  await expectText(refused.locator(".code"), "unauthenticated");

  step = "signing in again for the screenshot";
  await signInAs(page, "ada@example.com", "correct horse");
  await page.locator("#orders li").waitFor();
  await page.getByRole("button", { name: "Add Sourdough loaf to cart" }).click();
  await expectText(count, "1");

  step = "taking the screenshot";
  const shot = path.join(outDir, "shop.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  step = "leaving the page";
  await page.goto("about:blank");
  await expectOpenStreams(0);

  step = "checking the page's log";
  assert.deepEqual(pageErrors, [], "the page logged errors");
  console.log("ok: added products, saw the total, the typed error, a cancelled call, the orders refused, " +
    "signed in, placed an order, saw the stock streamed, stayed signed in, signed out");
} catch (err) {
  console.error(`failed while ${step}:\n${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}

/** Opens a page of another customer, with the errors made on purpose. */
function newPage(errors) {
  return openPage(browser, errors, [
    "412 /_actions/cart.Store.AddToCart",
    "400 /_actions/orders.Store.PlaceOrder",
    "401 /_actions/orders.Store.PlaceOrder",
    "401 /_actions/orders.Store.ListOrders",
    "401 /_actions/account.Store.SignIn",
  ]);
}

/** Fills in the sign-in form and sends it. */
async function signInAs(page, email, password) {
  const form = page.locator("#sign-in");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

/** Waits until the server has n stock streams open. */
async function expectOpenStreams(n) {
  let open;
  for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    ({ open } = await (await fetch(new URL("/_test/streams", url))).json());
    if (open === n) return;
  }
  throw new Error(`the server has ${open} stock streams open, want ${n}`);
}
