package tsemit

// scannedCases returns the golden cases loaded from Go packages with the
// scanner.
func scannedCases() []goldenCase { return nil }
