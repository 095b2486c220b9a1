package cart

import "example.com/bad/reach/orders"

//actions:server
func Last() (orders.Order, error) { return orders.Order{}, nil }
