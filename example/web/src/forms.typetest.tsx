// Type tests, for the compiler only (tools_test.go's TestFrontendTypeChecks
// runs tsc over src; nothing imports this file, so no bundle holds it): a
// generated <name>Form function is an action that React 19's
// useActionState takes as it is, with null as the initial state, and the
// dispatch it returns is a form's action.

import { useActionState } from "react";
import { type Order, placeOrderForm } from "./gen/orders.js";
import type { ActionError, FormState } from "./gen/runtime.js";

/** Whether A and B are the same type, not merely assignable. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

export function UseActionStateTypes() {
  const [state, dispatch, pending] = useActionState(placeOrderForm, null);
  expectType<Equal<typeof state, FormState<Order> | null>>();
  expectType<Equal<typeof dispatch, (payload: FormData) => void>>();
  expectType<Equal<typeof pending, boolean>>();

  // What the state holds, by FormState's members.
  if (state) {
    expectType<Equal<typeof state.ok, boolean>>();
    expectType<Equal<typeof state.result, Order | undefined>>();
    expectType<Equal<typeof state.error, ActionError | undefined>>();
    expectType<Equal<typeof state.fieldErrors, Record<string, string> | undefined>>();
    expectType<Equal<typeof state.values, Record<string, string | string[]>>>();
    expectType<Equal<typeof state.redirect, string | undefined>>();
  }

  // A state of before is a state to start from, as React passes it back.
  useActionState(placeOrderForm, { ok: false, values: {} });
  // @ts-expect-error: the initial state is null or a FormState.
  useActionState(placeOrderForm, 0);
  // @ts-expect-error: the payload is the form's FormData.
  dispatch({ name: "Ada" });

  // The dispatch is a form's action, and a button's formAction.
  return (
    <form action={dispatch}>
      <button formAction={dispatch}>Order</button>
    </form>
  );
}
