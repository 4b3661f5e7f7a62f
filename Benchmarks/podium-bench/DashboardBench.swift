import Foundation
import PodiumDemo
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// Dashboard benchmark: for 10k and 100k feedback items at 200x50, the time from a key press
/// to a finished frame (update, render, difference with the previous frame), measured in
/// process, and how many cells each key press changes. The session of keys is played five
/// times and the times pooled.
enum DashboardBench {
    /// CPU time this thread has used, in seconds: unlike the wall clock, it does not count
    /// the time the scheduler gave to other programs on a shared machine.
    static func threadCPUTime() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Changed cells for 40 × `j` from the top of the feedback pane at 200x50: the in-process
    /// side of "bytes written per key press" (the bytes are counted on a pty, see BENCHMARKS.md).
    static func changedCellsForDownPresses(size: Int) -> [Int] {
        var state = AppState(snapshot: DemoWorkspace(feedbackCount: size).makeContent().snapshot, location: "~/bench")
        _ = state.update(.resized(width: 200, height: 50))
        _ = state.update(.key(.character("3")))
        var view = DashboardViewState()
        var previous = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
        var changed: [Int] = []
        for _ in 0..<40 {
            _ = state.update(.key(.character("j")))
            let frame = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
            changed.append(frame.changes(since: previous).reduce(0) { $0 + $1.cells.count })
            previous = frame
        }
        return changed
    }

    static func run(sizes: [Int]) {
        let down = changedCellsForDownPresses(size: 10_000)
        print("40 × j in the feedback pane (10k items, 200x50): \(down.reduce(0, +)) changed cells, "
            + "median \(down.sorted()[down.count / 2]) per key")
        print("| items | build the panes | key → frame p50 | p99 | max | CPU p50 | CPU p99 | changed cells per key (median) |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for size in sizes {
            let snapshot = DemoWorkspace(feedbackCount: size).makeContent().snapshot
            var state = AppState(snapshot: snapshot, location: "~/bench")
            let build = elapsed { state = AppState(snapshot: snapshot, location: "~/bench") }
            _ = state.update(.resized(width: 200, height: 50))
            var view = DashboardViewState()
            var previous = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
            // A session's worth of navigation: every pane, then up and down the feedback list.
            var keys: [Key] = (0..<14).map { _ in Key.tab }
            keys += [.character("3")] + Array(repeating: .character("j"), count: 300) + Array(repeating: .character("k"), count: 100)
            keys += Array(repeating: .pageDown, count: 40) + [.character("G"), .character("g"), .character("4")]
            keys += Array(repeating: .character("j"), count: 30) + [.enter, .escape, .character("?"), .escape]
            var times: [Double] = []
            var cpuTimes: [Double] = []
            var changed: [Int] = []
            var lastRun: [Double] = []
            var runP99: [Double] = []
            // The session five times over, pooled: one run's p99 moves with a shared machine's noise.
            for _ in 0..<5 {
                lastRun = []
                for key in keys {
                    var frame = previous
                    let cpuStart = threadCPUTime()
                    let time = elapsed {
                        _ = state.update(.key(key))
                        frame = DashboardView.render(state, view: &view, width: 200, height: 50, theme: Themes.dark)
                        if let limit = view.scrollLimit { _ = state.update(.scrollLimit(limit)) }
                        changed.append(frame.changes(since: previous).reduce(0) { $0 + $1.cells.count })
                    }
                    lastRun.append(time)
                    cpuTimes.append(threadCPUTime() - cpuStart)
                    previous = frame
                }
                times += lastRun
                runP99.append(lastRun.sorted()[lastRun.count * 99 / 100])
            }
            print("p99 of each run at \(size): " + runP99.map { String(format: "%.3f ms", $0 * 1000) }.joined(separator: ", "))
            let slowest = zip(keys, lastRun).enumerated().sorted { $0.element.1 > $1.element.1 }.prefix(6)
            print("slowest keys at \(size): " + slowest.map { "#\($0.offset) \($0.element.0) \(String(format: "%.2f ms", $0.element.1 * 1000))" }
                .joined(separator: ", "))
            times.sort()
            cpuTimes.sort()
            changed.sort()
            func ms(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
            print("| \(size) | \(ms(build)) | \(ms(times[times.count / 2])) | \(ms(times[times.count * 99 / 100])) | "
                + "\(ms(times.last ?? 0)) | \(ms(cpuTimes[cpuTimes.count / 2])) | \(ms(cpuTimes[cpuTimes.count * 99 / 100])) | "
                + "\(changed[changed.count / 2]) |")
        }
    }
}
