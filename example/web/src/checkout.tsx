// The checkout: a React 19 component whose form's action is placeOrderForm,
// the generated client's form function of the Go action
// orders.Store.PlaceOrder, through useActionState. It renders the same form
// as the page without JavaScript (index.html), which it replaces: the same
// inputs, by the same names, posted to the same action.

import { type ReactNode, StrictMode, useActionState, useEffect, useRef } from "react";
import { createRoot } from "react-dom/client";
import { type Delivery, type Order, placeOrderForm } from "./gen/orders.js";

export interface CheckoutProps {
  /** The cart to buy, which the form sends in a hidden input. */
  cartID: string;
  /** Called with each order placed. */
  onPlaced: (order: Order) => void;
}

const deliveries: [Delivery, string][] = [
  ["standard", "Standard"],
  ["express", "Express"],
  ["pickup", "Pick up at the shop"],
];

/** The image types PlaceOrder takes (it checks the bytes, not this list). */
const photoTypes = "image/png,image/jpeg,image/webp,image/gif";

export function Checkout({ cartID, onPlaced }: CheckoutProps): ReactNode {
  // state is null until the first submit, then the FormState of the last
  // one: the order, or the error with the fields at fault, and the values
  // sent. pending is true while the action runs.
  const [state, formAction, pending] = useActionState(placeOrderForm, null);

  useEffect(() => {
    if (state?.ok && state.result) onPlaced(state.result);
  }, [state, onPlaced]);

  // React resets the form once its action is done, to the inputs' default
  // values. After an error these are the values just sent, so that nothing
  // typed is lost (but the photo: a file input cannot be filled by a page).
  const sent = state && !state.ok ? state.values : {};
  const value = (name: string): string => {
    const v = sent[name];
    return typeof v == "string" ? v : (v?.[0] ?? "");
  };
  const delivery = value("delivery") || "standard";
  const problem = (name: string): string | undefined => state?.fieldErrors?.[name];
  const invalid = (name: string) =>
    problem(name) ? { "aria-invalid": true, "aria-describedby": `checkout-${name}-error` } : {};
  const message = (name: string): ReactNode => {
    const p = problem(name);
    return p ? <p id={`checkout-${name}-error`} className="field-error">{p}</p> : null;
  };
  // The first field at fault gets the focus, as on the page without
  // JavaScript.
  const form = useRef<HTMLFormElement>(null);
  const first = ["name", "email", "address", "postcode", "delivery", "note", "photo"].find(problem);
  useEffect(() => {
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }, [state, first]);
  const field = (name: string, label: string, props: Record<string, string> = {}): ReactNode => (
    <div className="field">
      <label>
        {label}{" "}
        <input name={name} defaultValue={value(name)} {...props} {...invalid(name)} />
      </label>
      {message(name)}
    </div>
  );

  return (
    <form ref={form} id="checkout" className="panel" action={formAction} aria-labelledby="checkout-title" aria-busy={pending} noValidate>
      <h2 id="checkout-title">Checkout</h2>
      <input type="hidden" name="cart" value={cartID} />
      {message("cart")}
      {field("name", "Name", { autoComplete: "name" })}
      {field("email", "Email", { type: "email", autoComplete: "email" })}
      {field("address", "Address", { autoComplete: "street-address" })}
      {field("postcode", "Postcode", { autoComplete: "postal-code", placeholder: "1012 AB" })}
      <fieldset className="choices" {...(problem("delivery") && { "aria-describedby": "checkout-delivery-error" })}>
        <legend>Delivery</legend>
        {deliveries.map(([v, label]) => (
          <label key={v}>
            <input type="radio" name="delivery" value={v} defaultChecked={delivery === v} /> {label}
          </label>
        ))}
      </fieldset>
      {message("delivery")}
      <div className="field">
        <label>
          Note for the courier <textarea name="note" rows={2} defaultValue={value("note")} {...invalid("note")} />
        </label>
        {message("note")}
      </div>
      <div className="field">
        <label>
          Photo of your door, for the courier{" "}
          <input name="photo" type="file" accept={photoTypes} {...invalid("photo")} />
        </label>
        {message("photo")}
      </div>
      <button id="place-order" type="submit" disabled={pending}>
        {pending ? "Placing order…" : "Place order"}
      </button>
      {/* While the next call is pending, the last one's outcome is old news. */}
      {!pending && state?.ok && state.result && (
        <p className="placed" role="status">
          Thank you! Order {state.result.id} is on its way to you.
        </p>
      )}
      {!pending && state && !state.ok && state.error && (
        <p className="refused" role="alert">
          <code className="code">{state.error.code}</code> <span className="message">{state.error.message}</span>
        </p>
      )}
    </form>
  );
}

/** Renders the checkout into el, in place of what el held. */
export function mountCheckout(el: Element, props: CheckoutProps): void {
  createRoot(el).render(
    <StrictMode>
      <Checkout {...props} />
    </StrictMode>,
  );
}
