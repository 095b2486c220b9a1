package actions

import (
	"fmt"
	"net/http"
)

// Code classifies an error on the wire. The client sees it as the "code"
// field of the error body, and it decides the HTTP status.
type Code string

// The codes an action may return, with the HTTP status each one is sent with.
const (
	CodeInvalidArgument    Code = "invalid_argument"    // 400
	CodeUnauthenticated    Code = "unauthenticated"     // 401
	CodePermissionDenied   Code = "permission_denied"   // 403
	CodeNotFound           Code = "not_found"           // 404
	CodeAlreadyExists      Code = "already_exists"      // 409
	CodeAborted            Code = "aborted"             // 409
	CodeFailedPrecondition Code = "failed_precondition" // 412
	CodeResourceExhausted  Code = "resource_exhausted"  // 429
	CodeUnimplemented      Code = "unimplemented"       // 501
	CodeUnavailable        Code = "unavailable"         // 503
	CodeDeadlineExceeded   Code = "deadline_exceeded"   // 504
	CodeInternal           Code = "internal"            // 500
)

// HTTPStatus returns the HTTP status a response with this code is sent with.
// An unknown code is treated as CodeInternal.
func (c Code) HTTPStatus() int {
	switch c {
	case CodeInvalidArgument:
		return http.StatusBadRequest
	case CodeUnauthenticated:
		return http.StatusUnauthorized
	case CodePermissionDenied:
		return http.StatusForbidden
	case CodeNotFound:
		return http.StatusNotFound
	case CodeAlreadyExists, CodeAborted:
		return http.StatusConflict
	case CodeFailedPrecondition:
		return http.StatusPreconditionFailed
	case CodeResourceExhausted:
		return http.StatusTooManyRequests
	case CodeUnimplemented:
		return http.StatusNotImplemented
	case CodeUnavailable:
		return http.StatusServiceUnavailable
	case CodeDeadlineExceeded:
		return http.StatusGatewayTimeout
	default:
		return http.StatusInternalServerError
	}
}

// known reports whether c is one of the codes above.
func (c Code) known() bool {
	switch c {
	case CodeInvalidArgument, CodeUnauthenticated, CodePermissionDenied,
		CodeNotFound, CodeAlreadyExists, CodeAborted, CodeFailedPrecondition,
		CodeResourceExhausted, CodeUnimplemented, CodeUnavailable,
		CodeDeadlineExceeded, CodeInternal:
		return true
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
