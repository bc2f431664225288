//go:build unix && !linux

package fork

import (
	"os/exec"
	"syscall"
)

// setGroup starts the child in a process group of its own, so that killing
// it kills what it started too (tesseract, LibreOffice).
func setGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
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
