import Foundation
import PodiumAI
import PodiumCore
import PodiumEngine
import PodiumStore

// A writer process for the store's multi-process tests. Not shipped to users.
//
//   podium-test-writer increment WORKSPACE COUNTER_ID COUNT TAG
//       COUNT transactions, each adding 1 to the backlog item's `order` (read-modify-write)
//       and adding one feedback item "TAG n".
//   podium-test-writer churn WORKSPACE
//       forever: one transaction per generation g that rewrites every feedback item and the
//       product with "generation g" (several files per transaction); prints "ready" after the first.
//   podium-test-writer hang-in-job WORKSPACE
//       queues a summarize-feedback job whose provider never finishes, and waits (to be killed).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, arguments.count >= 2 else { fail("usage: podium-test-writer increment|churn WORKSPACE …") }
let root = URL(fileURLWithPath: arguments[arguments.startIndex + 1])

do {
    let store = try WorkspaceStore.open(at: root)
    switch command {
    case "increment":
        guard arguments.count == 5, let count = Int(arguments[arguments.startIndex + 3]) else { fail("usage: increment WORKSPACE ID COUNT TAG") }
        let counter = RecordID<BacklogItem>(arguments[arguments.startIndex + 2])
        let tag = arguments[arguments.startIndex + 4]
        for index in 0..<count {
            try store.write { transaction in
                try transaction.update(BacklogItem.self, id: counter) { $0.order += 1 }
                try transaction.save(FeedbackItem(text: "\(tag) \(index)", source: .other))
            }
        }
    case "churn":
        let ids = store.snapshot.feedback.all.map(\.id)
        var generation = 0
        let padding = String(repeating: "x", count: 2000)
        while true {
            generation += 1
            try store.write { transaction in
                for id in ids {
                    try transaction.update(FeedbackItem.self, id: id) { $0.text = "generation \(generation) \(padding)" }
                }
                var product = transaction.product
                product.name = "generation \(generation)"
                try transaction.setProduct(product)
            }
            if generation == 1 { FileHandle.standardOutput.write(Data("ready\n".utf8)) }
        }
    case "hang-in-job":
        let engine = JobEngine(store: store, providerFor: { _ in NeverEndingProvider() })
        try engine.enqueue(.summarizeFeedback)
        while true { sleep(60) }
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("podium-test-writer: \(error)")
}

/// A provider stuck in its work (a model that never answers), for crash tests.
struct NeverEndingProvider: Provider {
    let info = ProviderInfo(name: "stuck", model: "none")

    func run(_ request: JobRequest, context: JobContext) throws -> DraftOutput {
        context.progress("thinking forever")
        while true { sleep(60) }
    }
}
