import ArgumentParser
import PoTCore
import PoTModules
import Foundation
import PoTStore

struct Clone: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clone", abstract: "Clone a chain (main and refs/pot/*) and rebuild its state from the repository alone.")
    @Argument(help: "Where to clone from (any git URL or path).") var url: String
    @Argument(help: "New directory.") var directory: String

    func run() throws {
        let store = try ChainStore.clone(from: url, into: directory)
        for warning in try MainGuard.install(in: directory) { warn(warning) }
        let state = try store.currentState()
        print("cloned chain \(store.chainId.hex) into \(directory): tip at height \(state.height), finalized height \(state.finalizedHeight)")
    }
}

struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Fetch main and refs/pot/* from a remote, then run fork choice.",
        discussion: "Brings every object kind the chain keeps: blocks, votes, transfers and name claims, and "
            + ChainModules.standard.all.map { "\($0.name): " + $0.kinds.map(\.name).joined(separator: ", ") }.joined(separator: "; ")
            + ". Nothing local is overwritten.")
    @Argument(help: "Remote name or URL.") var remote: String = "origin"

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        try store.withWriteLock {
            let note = try store.fetch(remote: remote)
            if !note.isEmpty { warn(note) }
            let result = try store.advance()
            if result.moved, let warning = store.syncWorkTree(from: result.previousMain, to: result.newMain) { warn(warning) }
            print("fetched from \(remote): tip at height \(result.state.height) (block \(result.state.tip.short)), finalized height \(result.state.finalizedHeight)")
        }
    }
}

struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "push", abstract: "Push main and refs/pot/* to a remote.")
    @Argument(help: "Remote name or URL.") var remote: String = "origin"

    func run() throws {
        let context = try ChainContext.open()
        try context.store.push(remote: remote)
        print("pushed main and refs/pot/* to \(remote)")
    }
}
