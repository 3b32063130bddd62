#ifndef CSPAWN_H
#define CSPAWN_H

#include <sys/types.h>

/// Starts `path` (never through a shell) with `argv` and `envp`, both NULL-terminated, the
/// way a process supervisor does: an empty signal mask and default dispositions for every
/// signal, its own process group (its pid), stdin from /dev/null, stdout and stderr into
/// one pipe, no other descriptors, and SIGKILL when the calling thread exits.
///
/// That last point is `PR_SET_PDEATHSIG`, which fires when the *thread* that forked
/// exits, not the process: the caller must stay on this thread until it has reaped the
/// child with `cn_reap`, or the tool is killed as soon as the thread goes away. The signal
/// reaches the tool's own process only, not processes it started, and the kernel drops it
/// when the tool executes a set-user-ID or file-capability program.
///
/// Returns 0 and sets `*pid` and `*output` (the pipe's read end, non-blocking and
/// close-on-exec), or an errno value: the fork's, or the child's when it could not be set
/// up or `execve` failed (so ENOENT reaches the caller as "No such file or directory").
int cn_spawn(const char *path, char *const argv[], char *const envp[], pid_t *pid, int *output);

/// A pidfd for `pid`, readable once it exits; -1 with errno ENOSYS on kernels before 5.3.
int cn_pidfd_open(pid_t pid);

/// 1 when the child `pid` has exited, 0 while it runs, -1 with errno on error. The child
/// is left unreaped, so its pid and process group id cannot be reused while the caller
/// still signals the group.
int cn_has_exited(pid_t pid);

/// Reaps the child `pid`, waiting for it when `block` is non-zero. Returns 1 and sets
/// `*exit_code` (or `*signal` with `*exit_code` = -1) once reaped, 0 while it still runs,
/// -1 with errno on error (ECHILD when someone else reaped it).
int cn_reap(pid_t pid, int block, int *exit_code, int *signal);

#endif
