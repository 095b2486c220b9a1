package tsname

import "testing"

func TestIdent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AddToCart", "addToCart"},
		{"GetURL", "getURL"},
		{"ID", "id"},
		{"URL", "url"},
		{"HTTPServer", "httpServer"},
		{"URLPath", "urlPath"},
		{"A", "a"},
		{"Ab", "ab"},
		{"V2", "v2"},
		{"ID2Name", "id2Name"},
		{"already", "already"},
		{"x", "x"},
		{"_", "_"},
		{"Élan", "élan"},
		{"ÉCOLE", "école"},
		{"Delete", "delete_"},
		{"New", "new_"},
		{"Default", "default_"},
		{"Import", "import_"},
		{"Export", "export_"},
		{"Function", "function_"},
		{"Class", "class_"},
		{"This", "this_"},
		{"Await", "await_"},
		{"Eval", "eval_"},
		{"Arguments", "arguments_"},
		{"Undefined", "undefined_"},
		{"NaN", "naN"},
		{"new", "new_"},
		{"class", "class_"},
		{"let", "let_"},
		{"Deleted", "deleted"},
		{"delete_", "delete_"},
	}
	for _, tt := range tests {
		if got := Ident(tt.in); got != tt.want {
			t.Errorf("Ident(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSafeKeepsCase(t *testing.T) {
	// Reserved words are case-sensitive: only the exact spelling is renamed.
	for in, want := range map[string]string{"NaN": "NaN_", "nan": "nan", "Delete": "Delete"} {
		if got := Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
}
