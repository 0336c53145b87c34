import Foundation
import PoTTestSupport
import Testing

@Suite("pot contract simulate")
struct ContractSimulationTests {
    @Test("CONTRACTS-SIMULATION: two colluders of five never change a decision; a silent verdict is recovered exactly when 3 members release; the ring's measured capture is near the computed; Raft always finds a new leader")
    func claims() throws {
        let text = try Run.ok(["contract", "simulate", "--runs", "6", "--draws", "3000", "--failover-runs", "60", "--json"], in: "/")
        let report = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        for row in report["collusion"] as! [[String: Any]] {
            #expect(row["as_honest_found"] as? Int == 6, "\(row)")
            #expect(row["by_leader"] as? Int == 6, "\(row)")
        }
        let withheld = (report["collusion"] as! [[String: Any]]).first { $0["collusion"] as? String == "withhold" }!
        #expect(withheld["recovered"] as? Int == 12, "both colluders' verdicts are recovered in every dispute")
        for row in report["recovery"] as! [[String: Any]] {
            let releasing = row["releasing"] as! Int
            #expect(row["recovered"] as? Int == (releasing >= 3 ? 6 : 0), "\(row)")
        }
        for row in report["capture"] as! [[String: Any]] {
            let measured = row["measured"] as! Double, computed = row["computed"] as! Double
            #expect(abs(measured - computed) < 0.03, "\(row)")
        }
        let failover = report["failover"] as! [String: Any]
        #expect(failover["unfinished"] as? Int == 0 && failover["unsafe_runs"] as? Int == 0)
        #expect((failover["p99"] as! Double) <= 5 && (failover["p50"] as! Double) >= 1)
        let bad = try Run.pot(["contract", "simulate", "--runs", "0"], in: "/")
        #expect(bad.status == 64 && bad.stderr.contains("must be at least 1"))
    }
}
