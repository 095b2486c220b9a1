package main

import (
	"net"
	"testing"
)

func TestPageURL(t *testing.T) {
	tests := []struct {
		addr net.TCPAddr
		want string
	}{
		{net.TCPAddr{IP: net.IPv6unspecified, Port: 8080}, "http://localhost:8080/"},
		{net.TCPAddr{IP: net.IPv4zero, Port: 8080}, "http://localhost:8080/"},
		{net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 51234}, "http://127.0.0.1:51234/"},
		{net.TCPAddr{IP: net.IPv6loopback, Port: 80}, "http://[::1]:80/"},
	}
	for _, tt := range tests {
		if got := pageURL(&tt.addr); got != tt.want {
			t.Errorf("pageURL(%v) = %q, want %q", &tt.addr, got, tt.want)
		}
	}
}
