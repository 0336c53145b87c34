import Foundation
import GitKit
import PoTAgents
import PoTCore
import PoTStore
import SwiftCSV

/// Datasets as git blobs: `refs/pot/agent-data/<blob id>` keeps each one reachable, so it
/// travels with `pot fetch` and `pot push` and every validator reads the same bytes.
public struct AgentDatasets {
    public let store: ChainStore
    public static let refRoot = "refs/pot/agent-data"

    public init(store: ChainStore) { self.store = store }

    /// A stored dataset: its blob id and its rows.
    public struct Stored: Sendable {
        public let blob: GitOID
        public let dataset: Dataset
    }

    /// Reads a CSV file (header line first) and turns it into a dataset with `label` as the class column.
    public static func importCSV(path: String, label: String) throws -> Dataset {
        let url = URL(fileURLWithPath: path)
        guard let data = FileManager.default.contents(atPath: path) else { throw SigningRefusal("cannot read \(path)") }
        guard let text = String(data: data, encoding: .utf8) else { throw SigningRefusal("\(path) is not UTF-8 text") }
        let csv: EnumeratedCSV
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        } catch {
            throw SigningRefusal("\(path) is not a CSV table: \(error)")
        }
        let digest = DomainHash.sha256(Array(data)).hex
        do {
            return try DatasetImport.dataset(header: csv.header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: csv.rows, label: label,
                                             source: String("\(url.lastPathComponent) sha256:\(digest)".prefix(AgentLimits.maxSourceBytes)))
        } catch let error as ObjectError {
            throw SigningRefusal("\(path): \(error)")
        }
    }

    /// Writes `dataset` as a blob and keeps it under its ref; returns the blob id.
    @discardableResult
    public func save(_ dataset: Dataset) throws -> GitOID {
        let blob = try store.git.writeBlob(dataset.encoded())
        let ref = "\(Self.refRoot)/\(blob.hex)"
        if try store.git.reference(ref) == nil { try store.git.setReference(ref, to: blob, message: "pot agent dataset") }
        return blob
    }

    /// The dataset blob `id` names (full id or unique prefix), read strictly.
    public func load(_ id: String) throws -> Stored {
        let matches = try store.git.references(matching: "\(Self.refRoot)/*").filter { $0.oid.hex.hasPrefix(id.lowercased()) }
        guard !id.isEmpty, let match = matches.first else {
            throw SigningRefusal("no dataset blob \(id) in this repository (pot agent dataset import adds one; pot fetch brings others')")
        }
        guard matches.count == 1 else { throw SigningRefusal("\(id) names \(matches.count) dataset blobs: give more of the id") }
        return try load(blob: match.oid)
    }

    /// The dataset in blob `blob`; refused when the repository does not hold it or it is not a dataset.
    public func load(blob: GitOID) throws -> Stored {
        guard store.git.contains(blob) else {
            throw SigningRefusal("the dataset blob \(blob.hex) is missing from this repository (pot fetch from a peer that has it)")
        }
        do {
            return Stored(blob: blob, dataset: try Dataset(encoded: try store.git.readBlob(blob)))
        } catch {
            throw SigningRefusal("blob \(blob.hex) is not a dataset: \(error)")
        }
    }

    /// The dataset a claim names, checked against the root it commits to.
    public func load(for claim: TrainingClaim) throws -> Dataset {
        guard let blob = GitOID(bytes: claim.datasetBlob) else { throw SigningRefusal("the claim's dataset id is not a git object id") }
        let dataset = try load(blob: blob).dataset
        guard dataset.root() == claim.datasetRoot else {
            throw SigningRefusal("dataset blob \(blob.hex) does not hold the rows the claim's root commits to")
        }
        return dataset
    }

    /// Every stored dataset's blob id.
    public func all() throws -> [GitOID] { try store.git.references(matching: "\(Self.refRoot)/*").map(\.oid) }
}
