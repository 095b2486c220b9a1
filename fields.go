package actions

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// This file makes object keys match struct fields exactly. encoding/json v1
// matches a key to a field case-insensitively ({"SKU":…} fills the field
// named "sku", and so does {"ſku":…} through Unicode folding), which lets a
// client reach a field under a name the server never uses. Before an
// argument is decoded, its keys are walked along its Go type: every key of
// an object that becomes a struct must be the exact JSON name of one of its
// fields, or the argument is refused as an unknown field.

// schema is what the key walk needs to know about a Go type. A nil *schema
// means no key below needs checking: scalars, []byte, interfaces, and types
// that decode themselves (json.Unmarshaler, encoding.TextUnmarshaler).
type schema struct {
	kind   schemaKind
	elem   *schema            // list: the element; dict: the value
	fields map[string]*schema // object: exact JSON name → field type
}

type schemaKind uint8

const (
	schemaList   schemaKind = iota // slice or array
	schemaDict                     // map: any key, checked values
	schemaObject                   // struct
)

var (
	schemaCache sync.Map // reflect.Type → *schema (nil stored as noSchema)
	schemaMu    sync.Mutex
	noSchema    = new(schema)

	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// schemaFor returns the schema of t, built once per type.
func schemaFor(t reflect.Type) *schema {
	if s, ok := schemaCache.Load(t); ok {
		return unwrapNoSchema(s.(*schema))
	}
	schemaMu.Lock()
	defer schemaMu.Unlock()
	b := schemaBuilder{
		building: make(map[reflect.Type]*schema),
		built:    make(map[reflect.Type]*schema),
	}
	s := b.build(t)
	// Publish only complete schemas: one still being filled could be read
	// by a concurrent call.
	for t, s := range b.built {
		if s == nil {
			s = noSchema
		}
		schemaCache.Store(t, s)
	}
	return s
}

func unwrapNoSchema(s *schema) *schema {
	if s == noSchema {
		return nil
	}
	return s
}

// schemaBuilder builds schemas under schemaMu. A type that refers to itself
// gets its own schema, still being filled, from building.
type schemaBuilder struct {
	building map[reflect.Type]*schema
	built    map[reflect.Type]*schema
}

func (b *schemaBuilder) build(t reflect.Type) *schema {
	if s, ok := schemaCache.Load(t); ok {
		return unwrapNoSchema(s.(*schema))
	}
	if s, ok := b.building[t]; ok {
		return s
	}
	if s, ok := b.built[t]; ok {
		return s
	}
	s := b.make(t)
	b.built[t] = s
	return s
}

func (b *schemaBuilder) make(t reflect.Type) *schema {
	if t.Kind() != reflect.Pointer &&
		(reflect.PointerTo(t).Implements(jsonUnmarshalerType) ||
			reflect.PointerTo(t).Implements(textUnmarshalerType)) {
		return nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		if t.Implements(jsonUnmarshalerType) || t.Implements(textUnmarshalerType) {
			return nil
		}
		return b.build(t.Elem())
	case reflect.Slice, reflect.Array, reflect.Map:
		s := &schema{kind: schemaList}
		if t.Kind() == reflect.Map {
			s.kind = schemaDict
		}
		b.building[t] = s
		s.elem = b.build(t.Elem())
		delete(b.building, t)
		if s.elem == nil {
			return nil
		}
		return s
	case reflect.Struct:
		s := &schema{kind: schemaObject, fields: make(map[string]*schema)}
		b.building[t] = s
		for _, f := range jsonFields(t) {
			s.fields[f.name] = b.build(f.typ)
		}
		delete(b.building, t)
		return s
	default:
		return nil
	}
}

// field is one JSON name of a struct as encoding/json decodes it.
type field struct {
	name   string
	typ    reflect.Type
	depth  int  // how many embedded structs it was promoted through
	tagged bool // its name comes from a json tag
}

// jsonFields lists the fields encoding/json v1 decodes into for struct type
// t, by its rules: exported fields (and embedded structs, even unexported),
// named by a valid json tag or else by the Go name, "-" skipped, untagged
// embedded structs flattened; of fields sharing a name the shallowest wins,
// then the only tagged one, and otherwise none does.
func jsonFields(t reflect.Type) []field {
	var all []field
	visited := map[reflect.Type]bool{t: true}
	level := []reflect.Type{t}
	for depth := 0; len(level) > 0; depth++ {
		var next []reflect.Type
		for _, st := range level {
			for i := range st.NumField() {
				sf := st.Field(i)
				ft := sf.Type
				if sf.Anonymous {
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, _, _ := strings.Cut(tag, ",")
				tagged := name != "" && validTagName(name)
				if !tagged {
					name = ""
				}
				if sf.Anonymous && !tagged && ft.Kind() == reflect.Struct {
					if !visited[ft] {
						visited[ft] = true
						next = append(next, ft)
					}
					continue
				}
				if name == "" {
					name = sf.Name
				}
				all = append(all, field{name: name, typ: sf.Type, depth: depth, tagged: tagged})
			}
		}
		level = next
	}
	return dominantFields(all)
}

// dominantFields keeps, for each name, the field encoding/json would use.
func dominantFields(all []field) []field {
	byName := make(map[string][]field)
	var order []string
	for _, f := range all {
		if _, seen := byName[f.name]; !seen {
			order = append(order, f.name)
		}
		byName[f.name] = append(byName[f.name], f)
	}
	var out []field
	for _, name := range order {
		fs := byName[name]
		minDepth := fs[0].depth
		var shallow []field
		for _, f := range fs {
			if f.depth == minDepth {
				shallow = append(shallow, f)
			}
		}
		if len(shallow) == 1 {
			out = append(out, shallow[0])
			continue
		}
		var tagged []field
		for _, f := range shallow {
			if f.tagged {
				tagged = append(tagged, f)
			}
		}
		if len(tagged) == 1 {
			out = append(out, tagged[0])
		}
	}
	return out
}

// validTagName reports whether encoding/json accepts name from a json tag.
func validTagName(name string) bool {
	for _, c := range name {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

// keyError is a key that matches no field exactly. path locates the object
// in the argument, like `.items[2]`.
type keyError struct {
	path string
	key  string
	fold string // a field name equal to key but for case, if any
}

func (e *keyError) Error() string {
	where := ""
	if e.path != "" {
		where = " in " + strings.TrimPrefix(e.path, ".")
	}
	if e.fold != "" {
		return "unknown field " + strconv.Quote(e.key) + where + ": field names are case-sensitive, did you mean " + strconv.Quote(e.fold) + "?"
	}
	return "unknown field " + strconv.Quote(e.key) + where
}

// checkKeys walks the checked JSON value data along s.
func checkKeys(data []byte, s *schema) error {
	w := keyWalker{data: data}
	return w.value(s)
}

// keyWalker reads JSON that splitArgs already checked, so it only has to
// find its way, not to report syntax.
type keyWalker struct {
	data []byte
	pos  int
}

func (w *keyWalker) space() {
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

// value walks the value at w.pos; s nil skips it.
func (w *keyWalker) value(s *schema) error {
	w.space()
	switch w.data[w.pos] {
	case '{':
		return w.object(s)
	case '[':
		return w.array(s)
	case '"':
		w.str()
	default:
		// number or literal
		for w.pos < len(w.data) {
			switch w.data[w.pos] {
			case ',', ']', '}', ' ', '\t', '\n', '\r':
				return nil
			}
			w.pos++
		}
	}
	return nil
}

// str skips a string and returns its contents, quotes excluded, and whether
// it has escapes.
func (w *keyWalker) str() ([]byte, bool) {
	w.pos++
	start := w.pos
	escaped := false
	for {
		switch w.data[w.pos] {
		case '"':
			w.pos++
			return w.data[start : w.pos-1], escaped
		case '\\':
			escaped = true
			w.pos += 2
		default:
			w.pos++
		}
	}
}

func (w *keyWalker) array(s *schema) error {
	var elem *schema
	if s != nil && s.kind == schemaList {
		elem = s.elem
	}
	w.pos++
	for i := 0; ; i++ {
		w.space()
		switch w.data[w.pos] {
		case ']':
			w.pos++
			return nil
		case ',':
			w.pos++
		}
		if err := w.value(elem); err != nil {
			if ke, ok := err.(*keyError); ok {
				ke.path = "[" + strconv.Itoa(i) + "]" + ke.path
			}
			return err
		}
	}
}

func (w *keyWalker) object(s *schema) error {
	if s != nil && s.kind == schemaList {
		s = nil // encoding/json will refuse the object for a list
	}
	w.pos++
	for {
		w.space()
		switch w.data[w.pos] {
		case '}':
			w.pos++
			return nil
		case ',':
			w.pos++
			w.space()
		}
		raw, escaped := w.str()
		w.space()
		w.pos++ // :
		var sub *schema
		var name string
		if s != nil {
			switch s.kind {
			case schemaDict:
				sub = s.elem
			case schemaObject:
				var ok bool
				sub, ok = s.fields[string(raw)]
				if !ok || escaped {
					name = key{raw: raw, escaped: escaped}.decoded()
					sub, ok = s.fields[name]
				}
				if !ok {
					return unknownKey(s, name)
				}
			}
		}
		if err := w.value(sub); err != nil {
			if ke, ok := err.(*keyError); ok {
				if name == "" {
					name = key{raw: raw, escaped: escaped}.decoded()
				}
				ke.path = "." + name + ke.path
			}
			return err
		}
	}
}

func unknownKey(s *schema, name string) *keyError {
	e := &keyError{key: name}
	for f := range s.fields {
		if strings.EqualFold(f, name) && (e.fold == "" || f < e.fold) {
			e.fold = f
		}
	}
	return e
}
