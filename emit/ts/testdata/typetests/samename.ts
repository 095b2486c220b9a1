// Type-level tests of two packages named cart: each module keeps its own
// Item, and the admin module refers to the shop's under an alias.
import { review, type Item as AdminItem } from "../gen/samename/admin_cart.js";
import { add, type Item as ShopItem } from "../gen/samename/shop_cart.js";

const shopItem: ShopItem = { sku: "s" };

export async function use(): Promise<AdminItem> {
  const added: ShopItem[] = await add(shopItem);
  void added;
  // @ts-expect-error review takes the shop's Item, not the admin's
  await review({ shopper: shopItem, note: "" });
  return review(shopItem);
}
