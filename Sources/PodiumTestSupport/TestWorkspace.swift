import Foundation
import PodiumCore
import PodiumStore

/// A fixed date, so that encoded files are the same from run to run.
public let fixedDate = Date(timeIntervalSince1970: 1_790_000_000)

/// Creates a workspace in a new temporary folder.
public func makeWorkspace(_ name: String = "Test product", schema: Schema = .current) throws -> (TemporaryDirectory, WorkspaceStore) {
    let folder = try TemporaryDirectory("podium-store")
    let store = try WorkspaceStore.create(
        at: folder.path("ws"), product: Product(name: name, vision: "A vision", productGoal: "A goal", updatedAt: fixedDate), schema: schema)
    return (folder, store)
}
