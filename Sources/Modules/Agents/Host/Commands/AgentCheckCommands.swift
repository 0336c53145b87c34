import ArgumentParser
import Foundation
import PoTAgents
import PoTCLI
import PoTCore
import PoTStore

/// Prints an audit, one line per segment, or JSON.
enum AuditOutput {
    static func print(_ audit: AgentAudit, json: Bool) throws {
        if json {
            struct Out: Encodable { let agent: String; let passed: Bool; let segments: [AgentAudit.Result]; let re_executed: Int; let of: Int }
            Swift.print(try Format.json(Out(agent: audit.agent, passed: audit.passed, segments: audit.results, re_executed: audit.segments, of: audit.totalSegments)))
            return
        }
        for r in audit.results {
            Swift.print("segment \(r.segment): \(r.passed ? "ok" : "FAILED"), \(r.detail) (\(String(format: "%.1f", r.milliseconds)) ms)")
        }
        let failed = audit.results.filter { !$0.passed }.count
        Swift.print(failed == 0 ? "ok: re-executed \(audit.segments) of \(audit.totalSegments) segments of agent \(audit.agent) exactly"
                                : "FAILED: \(failed) of \(audit.segments) re-executed segments of agent \(audit.agent) do not give what the proof commits to")
    }
}

struct AgentVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Re-execute an agent's selected segments (or --all, or --segment N) from the stored checkpoints.",
        discussion: "Exits 1 when a segment does not give the committed checkpoint, loss or distance: pot agent fraud proves it on the chain.")
    @OptionGroup var target: AgentArgument
    @Flag(help: "Re-execute every segment, not only the selected ones.") var all = false
    @Option(help: "Re-execute this segment (repeatable).") var segment: [Int] = []
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let agent = try target.find(context.store)
        let audit = try AgentAudit.run(store: context.store, agent: agent, segments: segment.isEmpty ? nil : segment, all: all)
        try AuditOutput.print(audit, json: json)
        if !audit.passed { throw ExitCode(1) }
    }
}

struct AgentAttest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attest", abstract: "Re-execute an agent's selected segments and, when all are right, attest them.",
        discussion: "An attester of a segment later proven fraudulent pays agents.attest_penalty_mt; this command never attests what it did not re-execute.")
    @OptionGroup var target: AgentArgument
    @Option(name: .customLong("as"), help: "Label of the validator's key (a member).") var validator: String
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(validator)
        let agent = try target.find(store)
        let audit = try AgentAudit.run(store: store, agent: agent)
        let signed = try store.attestAgent(as: key, agent: agent, audit: audit)
        if json {
            struct Out: Encodable { let id: String; let agent: String; let segments: [Int] }
            print(try Format.json(Out(id: signed.id(chain: store.chainId).hex, agent: agent.id.hex, segments: audit.results.map(\.segment))))
            return
        }
        print("attested agent \(agent.name) as \(validator): segments \(audit.results.map { String($0.segment) }.joined(separator: ", ")) re-executed exactly")
        print(signed.id(chain: store.chainId).hex)
    }
}

struct AgentFraud: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fraud", abstract: "Prove that a segment of an agent's proof is fabricated: the chain re-executes it and takes the bond.",
        discussion: "The claim carries the segment's first checkpoint, the committed next one and the rows it reads, each with its Merkle path. A claim the chain would refute is refused unless --anyway (it costs agents.false_fraud_fee_mt).")
    @OptionGroup var target: AgentArgument
    @Option(name: .customLong("as"), help: "Label of the reporter's key (a member).") var reporter: String
    @Option(help: "The segment (pot agent verify --all finds one).") var segment: UInt64
    @Flag(help: "Sign a claim the chain would refute.") var anyway = false
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let context = try ChainContext.open()
        let store = context.store
        let key = try context.signingKey(reporter)
        let agent = try target.find(store)
        let (signed, verdict) = try store.claimFraud(as: key, agent: agent, segment: segment, anyway: anyway)
        let bytes = signed.encoded().count
        if json {
            struct Out: Encodable { let id: String; let agent: String; let segment: UInt64; let verdict: String; let bytes: Int }
            print(try Format.json(Out(id: signed.id(chain: store.chainId).hex, agent: agent.id.hex, segment: segment,
                                      verdict: verdict == .proven ? "proven" : "refuted", bytes: bytes)))
            return
        }
        let reward = UInt128(agent.registration.bond) * UInt128(store.params.value(of: AgentsModule.fraudRewardPpm)) / 1_000_000
        print(verdict == .proven
              ? "claimed fraud in segment \(segment) of agent \(agent.name) (\(bytes) bytes): the chain will re-execute it, take the bond of \(agent.registration.bond) mT and pay you \(reward) mT"
              : "claimed fraud in segment \(segment) of agent \(agent.name) anyway: the chain will refute it and charge you \(store.params.value(of: AgentsModule.falseFraudFee)) mT")
        print(signed.id(chain: store.chainId).hex)
    }
}
