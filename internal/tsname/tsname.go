// Package tsname turns Go identifiers into TypeScript identifiers: lower
// camel case, never a reserved word. Actions and parameters are named here
// so the rule lives in one place.
package tsname

import "unicode"

// Lower returns name in lower camel case: the leading run of upper-case
// letters is lowered, except the last one when a lower-case letter follows
// it, since that letter starts the next word ("AddToCart" → "addToCart",
// "GetURL" → "getURL", "ID" → "id", "HTTPServer" → "httpServer").
func Lower(name string) string {
	rs := []rune(name)
	i := 0
	for i < len(rs) && unicode.IsUpper(rs[i]) {
		i++
	}
	switch {
	case i == 0:
		return name
	case i == 1 || i == len(rs) || !unicode.IsLower(rs[i]):
		// "Add", "ID", "URL2": lower the whole run.
	default:
		i-- // "HTTPServer": keep the S of Server.
	}
	for j := range i {
		rs[j] = unicode.ToLower(rs[j])
	}
	return string(rs)
}

// Safe returns name, with a trailing underscore when it is a reserved word
// of JavaScript or TypeScript ("delete" → "delete_"), so it can be declared
// as a function or parameter in a strict-mode module.
func Safe(name string) string {
	if reserved[name] {
		return name + "_"
	}
	return name
}

// Ident returns the TypeScript name of a Go function or parameter name:
// Safe(Lower(name)).
func Ident(name string) string {
	return Safe(Lower(name))
}

// reserved holds the words a strict-mode ES module or TypeScript forbids
// as the name of a function or parameter, and the globals that must not be
// shadowed (undefined, NaN, Infinity).
var reserved = map[string]bool{
	// ECMAScript reserved words.
	"break": true, "case": true, "catch": true, "class": true, "const": true,
	"continue": true, "debugger": true, "default": true, "delete": true,
	"do": true, "else": true, "enum": true, "export": true, "extends": true,
	"false": true, "finally": true, "for": true, "function": true, "if": true,
	"import": true, "in": true, "instanceof": true, "new": true, "null": true,
	"return": true, "super": true, "switch": true, "this": true, "throw": true,
	"true": true, "try": true, "typeof": true, "var": true, "void": true,
	"while": true, "with": true,
	// Reserved in strict mode and in modules.
	"await": true, "implements": true, "interface": true, "let": true,
	"package": true, "private": true, "protected": true, "public": true,
	"static": true, "yield": true, "arguments": true, "eval": true,
	// Globals a declaration must not shadow.
	"undefined": true, "NaN": true, "Infinity": true,
}

// IsIdentifier reports whether s can name a declaration: letters (any
// script), digits after the first, _ and $.
func IsIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || r == '$' || unicode.IsLetter(r):
		case unicode.IsDigit(r) && i > 0:
		default:
			return false
		}
	}
	return true
}

// IsReserved reports whether s is a word Safe would rename.
func IsReserved(s string) bool { return reserved[s] }
