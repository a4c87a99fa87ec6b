//go:build !unix

package pgtest

import "syscall"

func procAttr(as *runAs, server bool) *syscall.SysProcAttr { return nil }
