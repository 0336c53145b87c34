import Foundation
import PoTAgentsHost
import PoTStore
import PoTTestSupport
import Testing

@Suite("pot agent and the validator duty")
struct AgentCLITests {
    @Test("AGENT-ATTEST AGENT-FRAUD: pot-bootstrap's validator duty attests an honest agent once and proves fraud in a fabricated one; the next block applies both")
    func validatorDuty() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let honest = try chain.provenAgent("honest-agent", from: 1700001000)
        let forged = try chain.provenAgent("forged-agent", fabricate: 3, from: 1700002000)
        let store = try ChainStore.open(at: chain.directory)
        let duty = AgentValidatorDuty.duty(label: "bob")
        let lines = try duty.run(store)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("attested agent \(honest) as bob") })
        // The chain's selection may miss segment 3; then the audit passes and bob attests it too.
        #expect(lines.contains { $0.hasPrefix("proved fraud in segment 3 of agent \(forged) as bob") || $0.hasPrefix("attested agent \(forged) as bob") })
        #expect(try duty.run(store).isEmpty, "a second pass does nothing")
        try chain.pot(["propose", "--as", "alice", "--canonical", "--timestamp", "1700003000"])
        let shown = try chain.pot(["agent", "show", honest, "--json"])
        #expect(shown.contains("\"attesters\" : [") || shown.contains("\"attesters\":["))
        let forgedShown = try chain.pot(["agent", "show", forged])
        if lines.contains(where: { $0.hasPrefix("proved fraud") }) { #expect(forgedShown.contains("FRAUD       segment 3 proven by bob")) }
    }

    @Test("AGENT-FRAUD: pot agent verify --all finds the fabricated segment and exits 1; a fraud claim against an honest segment is refused before it is signed")
    func verifyAllAndRefusals() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let name = try chain.provenAgent(fabricate: 7)
        let verify = try Run.pot(["agent", "verify", name, "--all"], in: chain.directory)
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("segment 7: FAILED, segment 7 does not give checkpoint 8"))
        #expect(verify.stdout.contains("FAILED: 1 of 10 re-executed segments"))
        let refused = try Run.pot(["agent", "fraud", name, "--as", "carol", "--segment", "2"], in: chain.directory)
        #expect(refused.status == 1 && refused.stderr.contains("the chain would refute the claim and charge you 50 mT"))
        let before = try chain.snapshot()
        for bad in [["agent", "register", "x", "--as", "bob", "--dataset", "ffff", "--tags", "a", "--bond", "100"],
                    ["agent", "register", "rich", "--as", "bob", "--dataset", "e", "--tags", "a", "--bond", "99999999"],
                    ["agent", "fraud", name, "--as", "carol", "--segment", "99"],
                    ["agent", "attest", name, "--as", "zed"],
                    ["agent", "run", name, "--row", "0", "--model", "/nonexistent"]] {
            let result = try Run.pot(bad, in: chain.directory)
            #expect(result.status == 1, "\(bad)")
            #expect(result.stderr.hasPrefix("Error: ") && result.stderr.split(separator: "\n").count == 1, "\(bad): \(result.stderr)")
        }
        #expect(try chain.snapshot() == before)
    }

    @Test("AGENT-PROOF: without the checkpoints, pot agent verify says to fetch them, and pot agent run also offers --model FILE")
    func missingCheckpoints() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let name = try chain.provenAgent()
        let refs = try Run.git(["for-each-ref", "--format=%(refname)", "refs/pot/agent-checkpoints"], in: chain.directory).stdout
        for ref in refs.split(separator: "\n") { try Run.git(["update-ref", "-d", String(ref)], in: chain.directory) }
        let fetch = "this repository holds no checkpoints of agent \(name) (pot fetch from its provider's peers"
        let verify = try Run.pot(["agent", "verify", name], in: chain.directory)
        #expect(verify.status == 1 && verify.stderr.contains(fetch + ")"), "\(verify.stderr)")
        let run = try Run.pot(["agent", "run", name, "--row", "0"], in: chain.directory)
        #expect(run.status == 1 && run.stderr.contains(fetch + ", or --model FILE)"), "\(run.stderr)")
    }
}
