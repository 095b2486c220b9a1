package actions

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
)

// Code classifies an error on the wire. The client sees it as the "code"
// field of the error body, and it decides the HTTP status.
type Code string

// The codes an action may return, with the HTTP status each one is sent with.
// The handler itself sends CodeStaleClient to a client made for another
// version of the server (see Action.Fingerprint).
const (
	CodeInvalidArgument    Code = "invalid_argument"    // 400
	CodeUnauthenticated    Code = "unauthenticated"     // 401
	CodePermissionDenied   Code = "permission_denied"   // 403
	CodeNotFound           Code = "not_found"           // 404
	CodeAlreadyExists      Code = "already_exists"      // 409
	CodeAborted            Code = "aborted"             // 409
	CodeStaleClient        Code = "stale_client"        // 409
	CodeFailedPrecondition Code = "failed_precondition" // 412
	CodeResourceExhausted  Code = "resource_exhausted"  // 429
	CodeUnimplemented      Code = "unimplemented"       // 501
	CodeUnavailable        Code = "unavailable"         // 503
	CodeDeadlineExceeded   Code = "deadline_exceeded"   // 504
	CodeInternal           Code = "internal"            // 500
)

// codeStatuses lists every code in the order of the table above, with its
// HTTP status: the one place the wire protocol's codes are written down.
// The TypeScript client's ErrorCode type is generated from Codes.
var codeStatuses = []struct {
	code   Code
	status int
}{
	{CodeInvalidArgument, http.StatusBadRequest},
	{CodeUnauthenticated, http.StatusUnauthorized},
	{CodePermissionDenied, http.StatusForbidden},
	{CodeNotFound, http.StatusNotFound},
	{CodeAlreadyExists, http.StatusConflict},
	{CodeAborted, http.StatusConflict},
	{CodeStaleClient, http.StatusConflict},
	{CodeFailedPrecondition, http.StatusPreconditionFailed},
	{CodeResourceExhausted, http.StatusTooManyRequests},
	{CodeUnimplemented, http.StatusNotImplemented},
	{CodeUnavailable, http.StatusServiceUnavailable},
	{CodeDeadlineExceeded, http.StatusGatewayTimeout},
	{CodeInternal, http.StatusInternalServerError},
}

// Codes returns every code of the wire protocol, in the order of the table
// of constants.
func Codes() []Code {
	codes := make([]Code, len(codeStatuses))
	for i, cs := range codeStatuses {
		codes[i] = cs.code
	}
	return codes
}

// HTTPStatus returns the HTTP status a response with this code is sent with.
// An unknown code is treated as CodeInternal.
func (c Code) HTTPStatus() int {
	for _, cs := range codeStatuses {
		if cs.code == c {
			return cs.status
		}
	}
	return http.StatusInternalServerError
}

// known reports whether c is one of the codes above.
func (c Code) known() bool {
	for _, cs := range codeStatuses {
		if cs.code == c {
			return true
		}
	}
	return false
}

// Error is an error whose code and message are meant for the client. An
// action returns one (directly or wrapped with %w) to send that code and
// message; any other error is sent as CodeInternal with a fixed message.
type Error struct {
	// Code decides the "code" field and the HTTP status.
	Code Code
	// Message is sent to the client as is: never put secrets in it.
	Message string
	// Details, when not nil, is sent as the "details" field, encoded with
	// encoding/json.
	Details any
}

// Errorf returns an *Error with the given code and a message formatted as by
// fmt.Sprintf. The message reaches the client as is, so format no error
// whose text is not meant for it; Errorf wraps nothing (use %v, not %w).
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Error returns "code: message".
func (e *Error) Error() string {
	return string(e.Code) + ": " + e.Message
}

// FieldErrors says which fields of a form or struct argument are wrong, by
// JSON member name, with a message for each. Returned from Validate or from
// an action, it is sent as CodeInvalidArgument with the fields in the
// error's details ({"fields": {"email": "is required"}}); the TypeScript
// ActionError has them as fieldErrors.
type FieldErrors map[string]string

// Error returns the fields and their messages, sorted by name.
func (fe FieldErrors) Error() string {
	names := slices.Sorted(maps.Keys(fe))
	var b strings.Builder
	for i, n := range names {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(n + ": " + fe[n])
	}
	return b.String()
}

// fieldErrorsMessage is the message sent with field errors.
const fieldErrorsMessage = "some fields are not valid"

// asFieldErrors returns the *Error to send for field errors.
func asFieldErrors(fe FieldErrors) *Error {
	return &Error{Code: CodeInvalidArgument, Message: fieldErrorsMessage, Details: map[string]any{"fields": map[string]string(fe)}}
}
