#ifndef PODIUM_SYSTEM_H
#define PODIUM_SYSTEM_H

/// Flushes every dirty file of the file system that holds `fd` to stable storage.
/// Linux's syncfs(2); elsewhere a global sync(2). Returns 0 or -1 with errno set.
int podium_syncfs(int fd);

#endif
