// Package nodes serves a view of a cluster's nodes. Its enums are its own,
// so closed, unless a directive opens one; the enums of the kube module are
// another module's, so open, unless their author closed them.
package nodes

import (
	"context"
	"strconv"
	"strings"

	"example.com/kube/core"
	"example.com/kube/intstr"
	"example.com/kube/resource"
)

// Health is how a node is, as this service judges it.
type Health string

// The healths of a node.
const (
	HealthGood Health = "good"
	HealthBad  Health = "bad"
)

// Zone is where a node runs: the cloud names zones, so the constants are
// the ones known today.
//
//actions:enum open
type Zone string

// The zones known.
const (
	ZoneNorth Zone = "north"
	ZoneSouth Zone = "south"
)

// Rank is a number enum of this module, whose zero value is a constant.
type Rank int

// The ranks.
const (
	RankNone Rank = iota
	RankFirst
)

// Version is a node's version, written as text: its TypeScript type is
// given by the directive.
//
//actions:ts `${number}.${number}`
type Version struct{ Major, Minor int }

// MarshalText writes "1.2".
func (v Version) MarshalText() ([]byte, error) {
	return []byte(strconv.Itoa(v.Major) + "." + strconv.Itoa(v.Minor)), nil
}

// UnmarshalText reads "1.2".
func (v *Version) UnmarshalText(b []byte) error {
	major, minor, _ := strings.Cut(string(b), ".")
	var err error
	if v.Major, err = strconv.Atoi(major); err != nil {
		return err
	}
	v.Minor, err = strconv.Atoi(minor)
	return err
}

// Node is one node of the cluster.
type Node struct {
	Name string `json:"name"`
	// Health is "" on a node not judged yet: Go sends it.
	Health Health `json:"health"`
	// Previous is left out when "", so it is never "".
	Previous Health `json:"previous,omitempty"`
	// Rank's zero value is a constant.
	Rank Rank `json:"rank"`
	Zone Zone `json:"zone"`
	// Checks holds each health judged, "" included.
	Checks     []Health              `json:"checks"`
	ByHealth   map[Health]int        `json:"byHealth"`
	Conditions []core.NodeCondition  `json:"conditions"`
	Capacity   core.ResourceList     `json:"capacity"`
	Ports      map[core.Protocol]int `json:"ports"`
	Level      core.Level            `json:"level"`
	MaxSurge   intstr.IntOrString    `json:"maxSurge"`
	Memory     resource.Quantity     `json:"memory"`
	Version    Version               `json:"version"`
}

// GetNode returns the node called name.
//
//actions:server
func GetNode(ctx context.Context, name string) (Node, error) {
	return Node{Name: name}, nil
}

// UpdateNode stores n and returns it.
//
//actions:server
func UpdateNode(ctx context.Context, n Node) (Node, error) { return n, nil }

// SetHealth judges a node: only this module's healths are taken.
//
//actions:server
func SetHealth(ctx context.Context, name string, h Health, checks []Health) error { return nil }

// Conditions lists the nodes' conditions of type t: any type, since
// clusters add their own.
//
//actions:server
func Conditions(ctx context.Context, t core.NodeConditionType) ([]core.NodeCondition, error) {
	return nil, nil
}

// Open takes a port's protocol, which its author closed.
//
//actions:server
func Open(ctx context.Context, p core.Protocol, zone Zone) error { return nil }

// NodeHealth returns a node's health, which may be "".
//
//actions:server
func NodeHealth(ctx context.Context, name string) (Health, error) { return "", nil }
