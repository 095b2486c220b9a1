package goemit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/actionsgo/actions/model"
	"github.com/dave/jennifer/jen"
)

// stdTypes spells the kinds that stand for one standard library type.
// Their model keeps no Pkg and Name, because the kind already says which
// type it is.
var stdTypes = map[model.Kind][2]string{
	model.KindTime:       {"time", "Time"},
	model.KindDuration:   {"time", "Duration"},
	model.KindRawMessage: {"encoding/json", "RawMessage"},
	model.KindFile:       {actionsPath, "File"},
}

// typeExpr returns the Go spelling of t, as a type expression valid in the
// generated file. Named types are qualified with their package (jennifer
// drops the qualifier for the file's own package and adds the import).
func typeExpr(t *model.Type) (jen.Code, error) {
	if t == nil {
		return nil, fmt.Errorf("missing type")
	}
	// A defined type of the standard library (time.Month, netip.Addr)
	// keeps its Pkg and Name whatever its kind: spelling its underlying
	// type instead would not be the same type.
	if t.Kind != model.KindNamed && t.Pkg != "" && t.Name != "" {
		return qualified(t)
	}
	switch t.Kind {
	case model.KindNamed:
		return qualified(t)
	case model.KindBool, model.KindInt, model.KindFloat, model.KindString:
		if t.Go == "" {
			return nil, fmt.Errorf("%s type without its Go spelling", t.Kind)
		}
		/* int64 */
		return jen.Id(t.Go), nil
	case model.KindBytes:
		if t.Elem != nil {
			// A defined byte type: []MyByte is base64 too, but not a []byte.
			elem, err := typeExpr(t.Elem)
			if err != nil {
				return nil, err
			}
			/* []MyByte */
			return jen.Index().Add(elem), nil
		}
		/* []byte */
		return jen.Index().Byte(), nil
	case model.KindAny:
		/* any */
		return jen.Any(), nil
	case model.KindTime, model.KindDuration, model.KindRawMessage, model.KindFile:
		std := stdTypes[t.Kind]
		/* time.Time */
		return jen.Qual(std[0], std[1]), nil
	case model.KindMarshaler, model.KindTextMarshaler:
		return nil, fmt.Errorf("%s type without its package and name", t.Kind)
	case model.KindPointer:
		elem, err := typeExpr(t.Elem)
		if err != nil {
			return nil, err
		}
		/* *T */
		return jen.Op("*").Add(elem), nil
	case model.KindSlice:
		elem, err := typeExpr(t.Elem)
		if err != nil {
			return nil, err
		}
		/* []T */
		return jen.Index().Add(elem), nil
	case model.KindArray:
		elem, err := typeExpr(t.Elem)
		if err != nil {
			return nil, err
		}
		/* [4]T */
		return jen.Index(jen.Id(strconv.FormatInt(t.Len, 10))).Add(elem), nil
	case model.KindMap:
		key, err := typeExpr(t.Key)
		if err != nil {
			return nil, err
		}
		elem, err := typeExpr(t.Elem)
		if err != nil {
			return nil, err
		}
		/* map[K]V */
		return jen.Map(key).Add(elem), nil
	case model.KindStruct:
		return structExpr(t)
	case model.KindTypeParam:
		// Actions are never generic, so a type parameter can only appear
		// inside the declaration of a generic type, which the glue never
		// spells.
		return nil, fmt.Errorf("type parameter %s outside a generic type", t.Name)
	}
	return nil, fmt.Errorf("unknown kind %q", t.Kind)
}

// qualified spells a named type, with its type arguments if it is an
// instance of a generic type.
func qualified(t *model.Type) (jen.Code, error) {
	if t.Pkg == "" || t.Name == "" {
		return nil, fmt.Errorf("%s type without its package and name", t.Kind)
	}
	args := make([]jen.Code, len(t.TypeArgs))
	for i, a := range t.TypeArgs {
		var err error
		if args[i], err = typeExpr(a); err != nil {
			return nil, err
		}
	}
	/* pkg.Name */
	named := jen.Qual(t.Pkg, t.Name)
	if len(args) > 0 {
		/* pkg.Name[A, B] */
		named.Types(args...)
	}
	return named, nil
}

// structExpr spells an anonymous struct exactly as declared: two struct
// types are identical only when their field names, types, embedding and
// tags all match, so the glue's local would not be assignable to the
// parameter otherwise. The wire view in Fields cannot give that back
// (promoted and hidden fields, rewritten tags), so this needs GoFields.
func structExpr(t *model.Type) (jen.Code, error) {
	if t.GoFields == nil && len(t.Fields) > 0 {
		return nil, fmt.Errorf("anonymous struct without its Go fields (model.Type.GoFields)")
	}
	fields := make([]jen.Code, len(t.GoFields))
	for i, f := range t.GoFields {
		typ, err := typeExpr(f.Type)
		if err != nil {
			return nil, fmt.Errorf("field %s: %w", f.Name, err)
		}
		field := jen.Null()
		if !f.Embedded {
			/* Name T */
			field.Id(f.Name)
		}
		field.Add(typ)
		if f.Tag != "" {
			/* `json:"name"` */
			field.Id(tagLiteral(f.Tag))
		}
		fields[i] = field
	}
	/* struct{ ... } */
	return jen.Struct(fields...), nil
}

// tagLiteral writes a struct tag as a raw string, or as an interpreted one
// when the tag holds a backquote or a character a raw string cannot hold.
func tagLiteral(tag string) string {
	if strings.ContainsAny(tag, "`\r") || !strconv.CanBackquote(tag) {
		return strconv.Quote(tag)
	}
	return "`" + tag + "`"
}
