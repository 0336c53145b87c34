import Foundation
import PoTTestSupport
import Testing

@Suite("Documented transcripts")
struct WalkthroughTests {
    func runTranscript(_ file: String) throws {
        let transcript = Transcript(markdown: try TestEnvironment.read(file))
        #expect(transcript.steps.count > 3, "no console steps found in \(file)")
        let directory = TestEnvironment.temporaryDirectory("transcript")
        defer { TestEnvironment.remove(directory) }
        let failures = try transcript.run(in: directory, binDirectory: TestEnvironment.binDirectory,
                                          environment: ["POT_DATA": TestEnvironment.packageRoot + "/Data/agents"])
        #expect(failures.isEmpty, "\(file):\n\(failures.joined(separator: "\n\n"))")
    }

    @Test("docs/walkthrough.md: W(A) = 12 000, W(B) = 7 250, Δ = +405 / -182 / -1792, balances 10 405 / 4 818 / 3 208")
    func walkthrough() throws { try runTranscript("docs/walkthrough.md") }

    @Test("docs/monorepo.md: an orphan commit of a whole tree merged into block 1 keeps every file on main")
    func monorepo() throws { try runTranscript("docs/monorepo.md") }

    @Test("docs/markets.md: a three-outcome market settles to +234 / -865 / +51 mT with closing weights 10 000 / 5 000 / 5 000")
    func markets() throws { try runTranscript("docs/markets.md") }

    @Test("SPONSOR-OUTCOME docs/membership.md: five games on one chain end C/C, C/D, D/C, D/D and with a missing reveal; a suspended sponsor is refused until its penalty ends")
    func membership() throws { try runTranscript("docs/membership.md") }

    @Test("VERDICT-RECOVERY docs/contracts.md: a contract approved and rated; a dispute whose silent arbiter's verdict three members recover, decided by a leader with a majority's votes")
    func contracts() throws { try runTranscript("docs/contracts.md") }

    @Test("AGENT-EVALUATE AGENT-FRAUD docs/agents.md: an agent registered, trained, proved, verified, attested and measured by the chain; a fabricated segment proven and slashed; routed, run and paid")
    func agents() throws { try runTranscript("docs/agents.md") }

    @Test("docs/errors.md: bad input gets one clear line and a non-zero exit")
    func errors() throws { try runTranscript("docs/errors.md") }
}
