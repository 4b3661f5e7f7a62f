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

extension Job {
    /// The job's status as it truly is now: a job saved as queued or running by a process
    /// that has stopped (killed, crashed, closed with Ctrl-C twice) is interrupted, even
    /// before a process with an engine records it so. Every listing shows this.
    public var observedStatus: JobStatus {
        guard !status.isFinished, !(runner?.isAlive ?? false) else { return status }
        return .interrupted
    }
}

extension Job {
    /// The job as listings show it: with its observed status, and, when its process has
    /// stopped, a reason saying so.
    public var observed: Job {
        guard observedStatus != status else { return self }
        var job = self
        job.status = observedStatus
        job.error = "Its process stopped before the job finished; press r in the Orchestrator (or podium jobs retry) to run it again."
        job.runner = nil
        return job
    }
}
