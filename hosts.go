package actions

import (
	"fmt"
	"net"
	"strings"
)

// hostSet is Options.AllowedHosts: names allowed on any port, and
// name:port pairs allowed on that port only.
type hostSet map[string]struct{}

func newHostSet(hosts []string) (hostSet, error) {
	if len(hosts) == 0 {
		return nil, nil
	}
	set := hostSet{}
	for _, h := range hosts {
		if h == "" || strings.ContainsAny(h, "/*@ ") {
			return nil, fmt.Errorf("actions: allowed host %q: want a host name or address, with a port or not, like \"example.com\" or \"127.0.0.1:8080\"", h)
		}
		set[strings.ToLower(h)] = struct{}{}
	}
	return set, nil
}

// allows reports whether a request's Host header names an allowed host.
func (s hostSet) allows(host string) bool {
	host = strings.ToLower(host)
	if _, ok := s[host]; ok {
		return true
	}
	name, _, err := net.SplitHostPort(host)
	if err != nil {
		return false
	}
	if strings.Contains(name, ":") {
		// An IPv6 literal: listed with its brackets.
		name = "[" + name + "]"
	}
	_, ok := s[name]
	return ok
}
