import PoTLight

/// The `pot-light sync --json` document.
struct SyncDocument: Encodable {
    struct DisagreementRow: Encodable { let peer: String; let height: UInt64; let ours: String; let theirs: String? }
    struct ComparisonRow: Encodable {
        let peer: String
        let heights_checked: Int
        let disagreements: [DisagreementRow]
        let ahead_at: UInt64?
        let error: String?
    }
    struct AuditFailureRow: Encodable { let height: UInt64; let problem: String }
    struct Audit: Encodable { let heights: [UInt64]; let failures: [AuditFailureRow] }

    let chain_id: String
    let source: String
    let start_height: UInt64
    let height: UInt64
    let tip_id: String
    let tip_timestamp: UInt64
    let dropped_peers: [String]
    let comparisons: [ComparisonRow]
    let audit: Audit?

    init(_ report: SyncReport) {
        chain_id = report.chainId.hex
        source = report.source.description
        start_height = report.startHeight
        height = report.tip.height
        tip_id = report.tip.id.hex
        tip_timestamp = report.tip.timestamp
        dropped_peers = report.failures.map(\.description)
        comparisons = report.comparisons.map { c in
            ComparisonRow(
                peer: c.peer.description, heights_checked: c.heights.count,
                disagreements: c.disagreements.map {
                    DisagreementRow(peer: $0.peer.description, height: $0.height, ours: $0.ours.hex, theirs: $0.theirs?.hex)
                },
                ahead_at: c.aheadAt, error: c.error?.description)
        }
        audit = report.audit.map { a in
            Audit(heights: a.heights, failures: a.failures.map { AuditFailureRow(height: $0.height, problem: $0.problem) })
        }
    }
}
