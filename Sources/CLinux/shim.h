// Linux system calls that Swift's Glibc module does not expose.
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE): 0, or -1 with errno set
/// (ENOSYS or EINVAL where the kernel or file system cannot).
static inline int mlmd_rename_exchange(const char *from, const char *to) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
#else
    return -1;
#endif
}
