import Foundation
import PodiumDemo
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// Dashboard benchmark: for 10k and 100k feedback items at 200x50, the time from a key press
/// to a finished frame (update, render, difference with the previous frame), measured in
/// process, and how many cells each key press changes.
enum DashboardBench {
    static func run(sizes: [Int]) {
        print("| items | build the panes | key → frame p50 | p99 | max | changed cells per key (median) |")
        print("|---:|---:|---:|---:|---:|---:|")
        for size in sizes {
            let snapshot = DemoWorkspace(feedbackCount: size).makeContent().snapshot
            var state = AppState(snapshot: snapshot, location: "~/bench")
            let build = elapsed { state = AppState(snapshot: snapshot, location: "~/bench") }
            _ = state.update(.resized(width: 200, height: 50))
            var previous = DashboardView.render(&state, width: 200, height: 50, theme: Themes.dark)
            // A session's worth of navigation: every pane, then up and down the feedback list.
            var keys: [Key] = (0..<14).map { _ in Key.tab }
            keys += [.character("3")] + Array(repeating: .character("j"), count: 300) + Array(repeating: .character("k"), count: 100)
            keys += Array(repeating: .pageDown, count: 40) + [.character("G"), .character("g"), .character("4")]
            keys += Array(repeating: .character("j"), count: 30) + [.enter, .escape, .character("?"), .escape]
            var times: [Double] = []
            var changed: [Int] = []
            for key in keys {
                var frame = previous
                let time = elapsed {
                    _ = state.update(.key(key))
                    frame = DashboardView.render(&state, width: 200, height: 50, theme: Themes.dark)
                    changed.append(frame.changes(since: previous).reduce(0) { $0 + $1.cells.count })
                }
                times.append(time)
                previous = frame
            }
            times.sort()
            changed.sort()
            func ms(_ value: Double) -> String { String(format: "%.3f ms", value * 1000) }
            print("| \(size) | \(ms(build)) | \(ms(times[times.count / 2])) | \(ms(times[times.count * 99 / 100])) | "
                + "\(ms(times.last ?? 0)) | \(changed[changed.count / 2]) |")
        }
    }
}
