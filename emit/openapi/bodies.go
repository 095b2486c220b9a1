package openapi

import "github.com/actionsgo/actions/model"

// requestBody returns the request body of a's POST, args being the schema
// of its argument array. Every action takes that array as JSON. One that
// takes files also takes multipart/form-data, the array (files given as the
// names of their parts) in a part named args and each file in a part of its
// own, as the generated client sends them. A form also takes its fields as
// an HTML form posts them: URL-encoded, or multipart/form-data with its
// files.
func requestBody(a *model.Action, args object) object {
	// The body is required even without parameters: the handler takes a
	// POST only with Content-Type application/json (or a form's), and a
	// client made from the document sends none with no body.
	doc := "The arguments, in order."
	if len(a.Params) == 0 {
		doc = "No arguments: the empty array."
	}
	content := object{{"application/json", object{{"schema", args}}}}
	switch {
	case a.Form != nil:
		doc += " A form's fields may come as an HTML form posts them instead."
		content = append(content, member{"application/x-www-form-urlencoded", object{{"schema", formSchema(a.Form, false)}}})
		multipart := formSchema(a.Form, true)
		if a.Files {
			multipart = object{{"oneOf", []any{multipart, argsParts(args)}}}
		}
		content = append(content, member{"multipart/form-data", object{
			{"schema", multipart},
			{"encoding", object{{"args", object{{"contentType", "application/json"}}}}},
		}})
	case a.Files:
		content = append(content, member{"multipart/form-data", object{
			{"schema", argsParts(args)},
			{"encoding", object{{"args", object{{"contentType", "application/json"}}}}},
		}})
	}
	return object{{"description", doc}, {"required", true}, {"content", content}}
}

// filePart is the schema of a part that holds a file.
func filePart() object {
	return object{{"type", "string"}, {"contentMediaType", "application/octet-stream"}, {"description", "A file, with its name and content type in the part's headers."}}
}

// argsParts is the schema of a multipart call as the generated client makes
// it: the argument array in the args part, each file in a part named
// file<N>, which the array names where the file goes.
func argsParts(args object) object {
	return object{
		{"type", "object"},
		{"properties", object{{"args", args}}},
		{"patternProperties", object{{"^file[0-9]+$", filePart()}}},
		{"required", []string{"args"}},
		{"additionalProperties", false},
	}
}

// formSchema is the schema of a form's fields as an HTML form posts them;
// files only in a multipart form.
func formSchema(fields []*model.FormField, files bool) object {
	props := object{}
	var required []string
	for _, f := range fields {
		if f.Kind == model.FormFile && !files {
			continue
		}
		s := formFieldSchema(f)
		if f.Multiple {
			s = object{{"type", "array"}, {"items", s}}
		}
		props = append(props, member{f.Name, s})
		// An unchecked checkbox is not sent, an absent list is empty.
		if !f.Optional && !f.Multiple && f.Kind != model.FormBool {
			required = append(required, f.Name)
		}
	}
	s := object{{"type", "object"}, {"properties", props}}
	if len(required) > 0 {
		s = append(s, member{"required", required})
	}
	return append(s, member{"additionalProperties", false})
}

// formFieldSchema is the schema of one value of a form field, as the
// handler reads its text.
func formFieldSchema(f *model.FormField) object {
	var s object
	switch f.Kind {
	case model.FormBool:
		s = object{{"type", "boolean"}, {"description", "on, true or 1 for true; off, false, 0 or empty for false; absent (an unchecked checkbox) is false."}}
	case model.FormInt, model.FormUint:
		s = intSchema(&model.Type{Kind: model.KindInt, Bits: f.Bits, Unsigned: f.Kind == model.FormUint})
	case model.FormFloat:
		s = object{{"type", "number"}, {"format", "double"}}
		if f.Bits == 32 {
			s = object{{"type", "number"}, {"format", "float"}}
		}
	case model.FormTime:
		s = object{{"type", "string"}, {"description", "A date (2006-01-02) or a date and time (2006-01-02T15:04, or with seconds), both taken as UTC, or an RFC 3339 time."}}
	case model.FormFile:
		return filePart()
	default:
		s = object{{"type", "string"}}
	}
	if len(f.Enum) > 0 {
		s = append(s, member{"enum", f.Enum})
	}
	return s
}
