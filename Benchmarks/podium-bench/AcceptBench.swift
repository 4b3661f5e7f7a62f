import Foundation
import PodiumAI
import PodiumCore
import PodiumDemo
import PodiumEngine
import PodiumRender
import PodiumStore
import PodiumTUI
import PodiumViewModels

/// A large accept in the dashboard: `tag-sentiment` on N items accepted in the Orchestrator
/// while a person keeps pressing keys (a pane switch every 50 ms), on a real workspace on
/// disk. Key → frame latency while the accept runs off the main loop (Podium now), against the
/// same accept on the main loop (how it was: the screen waits for the whole transaction),
/// measured in the same run.
///
///   swift run -c release podium-bench accept-keys [N]   (default 20000)
enum AcceptBench {
    /// A terminal that presses keys at set times and notes when the frame after each came.
    final class TimedKeys: TerminalBackend, @unchecked Sendable {
        let size = (width: 200, height: 50)
        private var opening: [Key]
        private var started: Date?
        private var sent = 0
        private var waiting: [(key: Key, at: Date)] = []
        private var handled: Date?
        private(set) var latencies: [Double] = []
        let draftID: RecordID<Draft>
        /// The program, read between frames on its own thread (never the store: a reader of
        /// the store waits while the background transaction holds it, as the dashboard never does).
        weak var program: Program?
        private var finishedAt: Date?

        init(draftID: RecordID<Draft>) {
            self.draftID = draftID
            opening = [.character("7"), .character("g"), .enter, .character("a")]
        }

        func draw(_ changes: [Buffer.Change]) {
            if let handled {
                latencies.append(Date().timeIntervalSince(handled))
                self.handled = nil
            }
        }

        private var lastCall: Date?
        private(set) var longestGap = 0.0
        private(set) var calls = 0

        func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent? {
            let now = Date()
            if let lastCall, started != nil { longestGap = max(longestGap, now.timeIntervalSince(lastCall)) }
            lastCall = now
            calls += 1
            if !opening.isEmpty {
                let key = opening.removeFirst()
                if opening.isEmpty { started = Date() }
                return .key(key)
            }
            guard let started else { return nil }
            if let state = program?.state, state.backgroundWork == nil, state.snapshot.drafts[draftID]?.status == .accepted {
                if finishedAt == nil { finishedAt = Date() }
                if Date().timeIntervalSince(finishedAt!) > 0.3 { return .stopRequested }
            }
            // A key every 50 ms from the accept on, as a person tapping through the panes.
            let due = Int(Date().timeIntervalSince(started) / 0.05)
            while sent < due {
                waiting.append((sent % 2 == 0 ? .character("1") : .character("2"), started.addingTimeInterval(Double(sent + 1) * 0.05)))
                sent += 1
            }
            guard !waiting.isEmpty else {
                usleep(UInt32(min(timeoutMilliseconds, 5)) * 1_000)
                return nil
            }
            let next = waiting.removeFirst()
            handled = next.at  // latency counts from when the key was pressed
            return .key(next.key)
        }
    }

    static func run(size: Int) throws {
        print("| accept | items | accept took | key → frame p50 | p99 | max | keys | longest wait between two looks for input |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for mode in ["off the main loop (now)", "on the main loop (before)"] {
            let folder = URL(fileURLWithPath: ".build/bench/accept-\(size)")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            let store = try DemoWorkspace(feedbackCount: size).create(at: folder)
            let engine = JobEngine(store: store, concurrency: 1, providerFor: { _ in LocalProvider() })
            let job = try engine.enqueue(.tagSentiment)
            engine.waitForIdle()
            guard let draftID = store.snapshot.jobs[job.id]?.draftID else { throw CocoaError(.featureUnsupported) }
            let backend = TimedKeys(draftID: draftID)
            let program = Program(store: store, backend: backend, theme: Themes.dark, keyMap: .standard)
            backend.program = program
            if mode.hasPrefix("on") { program.backgroundThreshold = Int.max }
            let took = elapsed { program.run() }
            let sorted = backend.latencies.sorted()
            func ms(_ value: Double) -> String { String(format: "%.0f ms", value * 1000) }
            let p50 = sorted.isEmpty ? 0 : sorted[sorted.count / 2], p99 = sorted.isEmpty ? 0 : sorted[sorted.count * 99 / 100]
            print("| \(mode) | \(size) | \(String(format: "%.1f s", took)) | \(ms(p50)) | \(ms(p99)) | \(ms(sorted.last ?? 0)) | \(sorted.count) | \(ms(backend.longestGap)) |")
        }
    }
}
