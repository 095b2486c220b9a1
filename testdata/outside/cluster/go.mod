module example.com/cluster

go 1.27

require example.com/kube v0.0.0

replace example.com/kube => ../kube
