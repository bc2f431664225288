package fork

import (
	"os/exec"
	"syscall"
)

// setGroup starts the child in a process group of its own, so that killing
// it kills what it started too (tesseract, LibreOffice), and asks the
// kernel to kill it if this process dies first (SIGKILL leaves no time to
// stop it).
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills the child's process group.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		cmd.Process.Kill()
	}
}
