// Package core declares types the way Kubernetes' core API does: string
// types with constants for the values known when they were written, which
// real clusters extend.
package core

import "example.com/kube/resource"

// NodeConditionType is a valid value for NodeCondition.Type. Node problem
// detectors add their own, such as "KernelDeadlock".
type NodeConditionType string

// The conditions the kubelet reports.
const (
	// NodeReady means the kubelet is healthy and ready to accept pods.
	NodeReady          NodeConditionType = "Ready"
	NodeMemoryPressure NodeConditionType = "MemoryPressure"
	NodeDiskPressure   NodeConditionType = "DiskPressure"
)

// ConditionStatus is whether a condition holds.
type ConditionStatus string

// The statuses of a condition.
const (
	ConditionTrue    ConditionStatus = "True"
	ConditionFalse   ConditionStatus = "False"
	ConditionUnknown ConditionStatus = "Unknown"
)

// NodeCondition is one condition of a node.
type NodeCondition struct {
	Type   NodeConditionType `json:"type"`
	Status ConditionStatus   `json:"status"`
	Reason string            `json:"reason,omitempty"`
}

// ResourceName is the name of a resource: extended resources such as
// "hugepages-1Gi" or "example.com/gpu" are names too.
type ResourceName string

// The resources every node has.
const (
	ResourceCPU    ResourceName = "cpu"
	ResourceMemory ResourceName = "memory"
	ResourcePods   ResourceName = "pods"
)

// ResourceList is a set of quantities by resource name.
type ResourceList map[ResourceName]resource.Quantity

// Protocol is the protocol of a port: this package's author says its
// values are its constants.
//
//actions:enum closed
type Protocol string

// The protocols of a port.
const (
	ProtocolTCP  Protocol = "TCP"
	ProtocolUDP  Protocol = "UDP"
	ProtocolSCTP Protocol = "SCTP"
)

// Level is a number enum of another module.
type Level int

// The levels known.
const (
	LevelLow  Level = 1
	LevelHigh Level = 2
)
