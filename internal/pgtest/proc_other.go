//go:build unix && !linux

package pgtest

import "syscall"

// procAttr runs a process as another user.
func procAttr(as *runAs, server bool) *syscall.SysProcAttr {
	if as == nil {
		return nil
	}
	return &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: as.uid, Gid: as.gid}} // no supplementary groups
}
