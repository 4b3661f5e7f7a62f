import Foundation
import PodiumCore
import PodiumStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JobRunner {
    /// This process.
    public static let current = JobRunner(
        processID: getpid(), bootID: BootIdentity.current, host: ProcessInfo.processInfo.hostName)

    /// Whether the process is still running (on this machine, in this boot): its jobs are
    /// live, not interrupted.
    public var isAlive: Bool {
        guard bootID == BootIdentity.current, host == ProcessInfo.processInfo.hostName else { return false }
        if processID == getpid() { return true }
        return kill(processID, 0) == 0 || errno == EPERM
    }
}
