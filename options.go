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
	// Each must be written as a browser sends it in Origin: a lower-case
	// scheme and host, a port only where it is not the scheme's default, no
	// path and no wildcard; New refuses any other.
	AllowedOrigins []string

	// AllowedHosts, when set, are the only Host headers served, as
	// "example.com" (any port) or "example.com:8443": a request for another
	// host is refused with 403 before anything else. It guards a server on
	// a private address against DNS rebinding, where a page on another site
	// reaches it under a name the attacker controls, which the cross-origin
	// check cannot tell from the server's own.
	AllowedHosts []string

	// MaxBodyBytes limits the request body; a longer one is refused with
	// 413. Default (zero or less) 1 MiB.
	MaxBodyBytes int64

	// MaxUploadBytes limits the body of a multipart/form-data call (one
	// with files); a larger one is refused with 413. Each file past 256 KiB
	// goes to a temporary file in UploadDir (default os.TempDir()), which
	// is removed when the call returns. Default (zero or less) 32 MiB.
	MaxUploadBytes int64
	UploadDir      string

	// FormKey signs the outcome of a form post without JavaScript, which a
	// cookie carries to the page the browser is sent back to
	// (Handler.FormResult). Give every replica of a site the same key of 32
	// random bytes or more; by default New makes a random one, which only
	// this process can read.
	FormKey []byte

	// MaxDepth limits how deep objects and arrays nest inside one argument;
	// "[1]" is 0 deep, "[{}]" 1 deep. Default (zero or less) 32.
	MaxDepth int

	// MaxConcurrent bounds how many calls the handler serves at once, from
	// reading the body to writing the response; a call over the bound is
	// refused at once with 429 (resource_exhausted), not queued. Decoding
	// multiplies memory (a 1 MiB body of small arrays decoded into a []any
	// takes 33 MB), so this times MaxBodyBytes, times that factor for the
	// loosest parameter type served, bounds what calls hold together: about
	// 4 GiB with the defaults and a []any parameter, far less for structs.
	// Default (zero or less) 128.
	MaxConcurrent int

	// ReadTimeout bounds the time to receive a request's body, from when
	// the handler starts reading it; a client that sends it slower gets 408
	// and loses the connection. WriteTimeout bounds the time to send the
	// response, from when the action returns. Both are set on the
	// connection with http.ResponseController, so a stalled client holds
	// neither a connection nor its buffers for long; the http.Server's own
	// ReadHeaderTimeout and IdleTimeout still bound the rest. Defaults
	// (zero or less) 30 seconds each.
	ReadTimeout  time.Duration
	WriteTimeout time.Duration

	// MaxStreamDuration bounds how long a stream action's response may
	// last: its context is canceled then, and the stream ends with a
	// deadline_exceeded frame. StreamKeepAlive is how long a stream may be
	// idle before the handler sends a keep-alive comment, so that proxies do
	// not close it. Defaults (zero or less) one hour and 15 seconds.
	MaxStreamDuration time.Duration
	StreamKeepAlive   time.Duration

	// MaxTimeout caps the deadline a client asks for with the
	// Actions-Timeout-Ms header. Default (zero or less) one minute. A call
	// without the header has no deadline but its request's.
	MaxTimeout time.Duration

	// Logger receives internal errors and recovered panics, with the action
	// ID and the error ID sent to the client. Default slog.Default().
	Logger *slog.Logger

	// Interceptors wrap every call of every action, the first outermost,
	// outside the interceptors a group has from Intercept. They run once the
	// request is checked and the arguments decoded and validated.
	Interceptors []Interceptor

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
	// DefaultMaxConcurrent is the default bound of calls served at once.
	DefaultMaxConcurrent = 128
	DefaultReadTimeout   = 30 * time.Second
	DefaultMaxStream     = time.Hour
	DefaultKeepAlive     = 15 * time.Second
	DefaultWriteTimeout  = 30 * time.Second
)

// TimeoutHeader is the request header in which a client asks for a deadline,
// in milliseconds, as a positive decimal integer.
const TimeoutHeader = "Actions-Timeout-Ms"

// FingerprintHeader is the request header in which the generated client
// sends the fingerprint of the action it calls, as it was when the client
// was made (see Action.Fingerprint). A call without it, such as one made
// with curl, is not checked.
const FingerprintHeader = "Actions-Fingerprint"
