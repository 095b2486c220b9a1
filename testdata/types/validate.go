package types

import "errors"

// SignUp has a Validate method with a value receiver.
type SignUp struct {
	Email string `json:"email"`
}

// Validate reports a missing email.
func (s SignUp) Validate() error {
	if s.Email == "" {
		return errors.New("email is required")
	}
	return nil
}

// Range has a Validate method with a pointer receiver.
type Range struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// Validate reports a range that ends before it starts.
func (r *Range) Validate() error {
	if r.To < r.From {
		return errors.New("range ends before it starts")
	}
	return nil
}
