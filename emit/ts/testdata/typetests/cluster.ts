// Type-level tests of a module that uses another's types: the other
// module's enums are open, this module's closed, and a closed enum's zero
// value is admitted where Go writes it. Lines after an expect-error
// directive must not compile.
import { Level, NodeConditionType, Protocol, ResourceName, type ResourceList } from "../gen/cluster/core.js";
import { Health, Zone, nodeHealth, setHealth, type Node } from "../gen/cluster/nodes.js";
import type { Quantity } from "../gen/cluster/resource.js";

// Another module's enum takes what real clusters send, its zero value
// included, and still offers its constants.
export const deadlock: NodeConditionType = "KernelDeadlock";
export const unset: NodeConditionType = "";
export const ready: NodeConditionType = NodeConditionType.NodeReady;
export const level: Level = 7;
export const noLevel: Level = 0;
export const known: Level = Level.High;

// A map keyed by one takes keys its constants do not list, and need not
// have those it does.
declare const q: Quantity;
export const capacity: ResourceList = { "hugepages-1Gi": q, [ResourceName.ResourceCPU]: q };
export const none: ResourceList = {};
export const cpu: Quantity | undefined = capacity["cpu"];

// This module's enum is closed: its constants only...
export const good: Health = Health.Good;
// @ts-expect-error not a value of the enum
export const ill: Health = "ill";
// ...and its zero value where Go writes it: a member without omitempty,
// an element, a map key, a result.
export const unjudged: Node["health"] = "";
export const checks: Node["checks"] = ["good", ""];
export const byHealth: Node["byHealth"] = { "": 1, bad: 2 };
export const result: Awaited<ReturnType<typeof nodeHealth>> = "";
// @ts-expect-error omitempty leaves "" out, so the member never holds it
export const previous: Node["previous"] = "";
// @ts-expect-error a parameter takes what the server checks for: the constants
export const param: Parameters<typeof setHealth>[1] = "";
// @ts-expect-error nor does a parameter's element
export const params: Parameters<typeof setHealth>[2] = [""];
// @ts-expect-error a map keyed by a closed enum takes no other key
export const unknownKey: Node["byHealth"] = { ill: 1 };

// Zone is this module's, opened by its directive.
export const west: Zone = "west";
// Protocol is the other module's, closed by its author's directive.
export const tcp: Protocol = Protocol.TCP;
// @ts-expect-error not a value of the enum
export const quic: Protocol = "QUIC";

// Types that marshal themselves, typed by -ts-type (the other module's) and
// by //actions:ts (this module's Version).
export const surge: Node["maxSurge"] = 3;
export const surgePercent: Node["maxSurge"] = "25%";
// @ts-expect-error IntOrString is a number or a string
export const surgeBool: Node["maxSurge"] = true;
export const memory: Quantity = "1Gi";
// @ts-expect-error a Quantity is a string
export const memoryNumber: Quantity = 1;
export const version: Node["version"] = "1.31";
// @ts-expect-error a Version is "major.minor"
export const versionWord: Node["version"] = "latest";
