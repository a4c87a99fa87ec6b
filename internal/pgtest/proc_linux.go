package pgtest

import "syscall"

// procAttr runs a process as another user; a server gets SIGQUIT
// (immediate shutdown) if the test process dies without stopping it.
func procAttr(as *runAs, server bool) *syscall.SysProcAttr {
	a := &syscall.SysProcAttr{}
	if as != nil {
		a.Credential = &syscall.Credential{Uid: as.uid, Gid: as.gid} // no supplementary groups
	}
	if server {
		a.Pdeathsig = syscall.SIGQUIT
	}
	return a
}
