// Values written in TypeScript against the generated types: the Go test
// expects each to decode to the value of builtWant with the same name.
import { Status, echoItem, echoStatus, echoTime, type Item } from "./gen/types.js";

const item: Item = { sku: "built", quantity: 2, price: 0.5 };

export const built: Record<string, () => Promise<unknown>> = {
  EchoItem: () => echoItem(item),
  EchoStatus: () => echoStatus(Status.Shipped),
  EchoTime: () => echoTime(new Date(Date.UTC(2024, 1, 29, 22, 59, 58, 123)).toISOString()),
};
