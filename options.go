package actions

import (
	"log/slog"
	"net/http"
	"time"
)

// Options configures a Handler made by New. The zero value is the secure
// default that NewHandler uses; set only what you need to change.
type Options struct {
	// Prefix is the path the handler is mounted at: an action is served at
	// Prefix + ID. Default "/_actions/".
	Prefix string

	// AllowedOrigins are origins, like "https://app.example.com", whose
	// cross-site requests are accepted (see
	// http.CrossOriginProtection.AddTrustedOrigin); requests from the
	// server's own origin always are. The handler also answers their CORS
	// preflight requests and lets them read responses, cookies included.
	AllowedOrigins []string

	// MaxBodyBytes limits the request body; a longer one is refused with
	// 413. Default (zero or less) 1 MiB.
	MaxBodyBytes int64

	// MaxDepth limits how deep objects and arrays nest inside one argument;
	// "[1]" is 0 deep, "[{}]" 1 deep. Default (zero or less) 32.
	MaxDepth int

	// MaxTimeout caps the deadline a client asks for with the
	// Actions-Timeout-Ms header. Default (zero or less) one minute. A call
	// without the header has no deadline but its request's.
	MaxTimeout time.Duration

	// Logger receives internal errors and recovered panics, with the action
	// ID and the error ID sent to the client. Default slog.Default().
	Logger *slog.Logger

	// OnError, when set, sees every error before it is sent: a refused
	// request, an error an action returned, a recovered panic (as a
	// *PanicError). It returns the error to send instead, so it can
	// translate one (say sql.ErrNoRows into an *Error with CodeNotFound), or
	// only observe and return err unchanged (or nil). What it returns goes
	// through the same rules: only an *Error's text reaches the client.
	// actionID is "" when the URL names no action. It must be safe for
	// concurrent use.
	OnError func(r *http.Request, actionID string, err error) error
}

// Defaults applied by New where Options leaves a field zero.
const (
	DefaultPrefix       = "/_actions/"
	DefaultMaxBodyBytes = 1 << 20
	DefaultMaxDepth     = 32
	DefaultMaxTimeout   = time.Minute
)

// TimeoutHeader is the request header in which a client asks for a deadline,
// in milliseconds, as a positive decimal integer.
const TimeoutHeader = "Actions-Timeout-Ms"
