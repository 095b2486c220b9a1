// Command web has no directive and does not compile yet: it calls glue that
// has not been generated. The scanner never type-checks it, so it reports
// nothing and generation can go on.
package main

import "example.com/shop/cart"

func main() {
	_ = cart.Actions()
}
