//actions:server

// Every exported function of this file is an action (the directive above
// the package clause): CheckDelivery, which needs no sign-in.

package orders

import (
	"context"
	"fmt"
	"time"

	"github.com/actionsgo/actions/example/catalog"
)

// CheckDelivery asks the couriers how an order could reach postcode and
// when. It takes a few seconds, as a call to outside services does; when the
// client gives up, it stops asking at once.
func CheckDelivery(ctx context.Context, postcode string) ([]DeliveryOption, error) {
	if err := checkPostcode(postcode); err != nil {
		return nil, err
	}
	start := now()
	options := make([]DeliveryOption, 0, len(couriers))
	for _, c := range couriers {
		// One courier after the other, each taking its time: a canceled
		// call returns at once instead of finishing the round.
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("checking delivery to %s: %w", postcode, ctx.Err())
		case <-time.After(courierDelay):
		}
		if o, ok := c.quote(postcode, start); ok {
			options = append(options, o)
		}
	}
	return options, nil
}

// Variables that tests change.
var (
	// now is the clock of CheckDelivery.
	now = time.Now
	// courierDelay is how long each courier takes to answer.
	courierDelay = time.Second
)

// courier is one delivery service.
type courier struct {
	name     string
	delivery Delivery
	fee      catalog.Cents
	days     int
	// serves reports whether the courier delivers to the postcode, which
	// is valid.
	serves func(postcode string) bool
}

// couriers are asked in this order.
var couriers = []courier{
	{name: "PostNL", delivery: Standard, fee: 495, days: 2, serves: func(string) bool { return true }},
	// Express only reaches the cities of the west, postcodes 1000–3999.
	{name: "Bike Couriers", delivery: Express, fee: 995, days: 1, serves: func(p string) bool { return p[0] <= '3' }},
	{name: "The shop", delivery: Pickup, fee: 0, days: 0, serves: func(string) bool { return true }},
}

// quote returns the option the courier offers for postcode, on a call made at
// start.
func (c courier) quote(postcode string, start time.Time) (DeliveryOption, bool) {
	if !c.serves(postcode) {
		return DeliveryOption{}, false
	}
	day := start.AddDate(0, 0, c.days)
	arrives := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, time.UTC)
	if c.days == 0 {
		arrives = start.Add(2 * time.Hour).Truncate(time.Hour).UTC()
	}
	return DeliveryOption{Delivery: c.delivery, Courier: c.name, Fee: c.fee, Arrives: arrives}, true
}
