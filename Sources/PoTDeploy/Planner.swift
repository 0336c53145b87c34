/// The hooks of one event to run for one block, in the order the configuration lists them.
public struct Job: Equatable, Sendable {
    public let event: HookEvent
    public let block: MainBlock
    public let hooks: [Hook]
}

/// What one look at the chain calls for: entries to write at once (baselines, superseded
/// tips), then the jobs to run, the tip's first and then each newly final height in order.
public struct Plan: Equatable, Sendable {
    public var entries: [RecordEntry] = []
    public var jobs: [Job] = []
}

public enum Planner {
    /// Plans for `snapshot`. `blocks(lowest)` returns main's blocks from the snapshot's tip
    /// down to height `lowest`, lowest first.
    public static func plan(snapshot: ChainSnapshot, config: DeployConfig, index: RecordIndex,
                            blocks: (UInt64) throws -> [MainBlock]) throws -> Plan {
        var plan = Plan()
        var index = index
        let finalized = snapshot.finalizedHeight

        for hook in config.onFinalize where index.baselines[hook.name] == nil {
            let entry = RecordEntry(event: .finalize, height: max(1, finalized), id: nil, commit: nil, hook: hook.name, status: .baseline,
                                    reason: "first seen when height \(finalized) was final")
            plan.entries.append(entry)
            index.add(entry)
        }

        // The lowest height each hook needs a look at: tips above the last one it saw, final
        // heights above the highest it ran for (from its first height when that is lower).
        var tipFrom: [String: UInt64] = [:]
        if let tip = snapshot.tip {
            for hook in config.onTip {
                if let last = index.lastHeight[.tip]?[hook.name], last + 1 < tip.height { tipFrom[hook.name] = last + 1 }
            }
        }
        var finalizeFrom: [String: UInt64] = [:]
        for hook in config.onFinalize {
            let first = max(1, config.finalizeFrom ?? index.baselines[hook.name] ?? 1)
            var from = first
            if let low = index.lowest[.finalize]?[hook.name], let high = index.highest[.finalize]?[hook.name], low <= first {
                from = max(first, high + 1)
            }
            if from <= finalized { finalizeFrom[hook.name] = from }
        }
        let lowest = (Array(tipFrom.values) + Array(finalizeFrom.values)).min()
        var byHeight: [UInt64: MainBlock] = [:]
        if let lowest {
            for block in try blocks(lowest) { byHeight[block.height] = block }
        }

        if let tip = snapshot.tip {
            if let start = tipFrom.values.min() {
                for height in start..<tip.height {
                    guard let block = byHeight[height] else { continue }
                    for hook in config.onTip {
                        guard let from = tipFrom[hook.name], height >= from,
                              !index.hasEntry(RunKey(event: .tip, id: block.id, hook: hook.name)) else { continue }
                        plan.entries.append(RecordEntry(
                            event: .tip, height: height, id: block.id, commit: block.commit, hook: hook.name,
                            status: .superseded, reason: "the tip moved on to height \(tip.height) before it ran"))
                    }
                }
            }
            let hooks = config.onTip.filter { !index.hasEntry(RunKey(event: .tip, id: tip.id, hook: $0.name)) }
            if !hooks.isEmpty { plan.jobs.append(Job(event: .tip, block: tip, hooks: hooks)) }
        }

        if let start = finalizeFrom.values.min() {
            for height in start...finalized {
                guard let block = byHeight[height] else {
                    throw DeployError("main has no block at final height \(height)")
                }
                let hooks = config.onFinalize.filter { hook in
                    guard let from = finalizeFrom[hook.name], height >= from else { return false }
                    return !index.hasEntry(RunKey(event: .finalize, id: block.id, hook: hook.name))
                }
                if !hooks.isEmpty { plan.jobs.append(Job(event: .finalize, block: block, hooks: hooks)) }
            }
        }
        return plan
    }
}
