// Command nodirective has no directive and does not compile: the scanner
// never type-checks it, so it reports nothing.
package main

func main() {
	_ = notDeclared.Actions()
}
