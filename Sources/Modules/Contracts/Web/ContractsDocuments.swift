import PoTContracts
import PoTContractsHost
import PoTCore
import PoTWeb

/// `/api/contracts`: every task, every dispute and members' service trust.
struct ContractsDocument: Encodable, Sendable {
    let tip_height: UInt64
    let contracts: [ContractReport]
    let disputes: [CommitteeReport]
    let service: [ServiceReport]

    static let schema = Schema.object([
        "tip_height": Schema.integer, "contracts": Schema.array(Schema.ref("Contract")),
        "disputes": Schema.array(Schema.ref("Committee")), "service": Schema.array(Schema.ref("ServiceTrust")),
    ], description: "The tasks (newest first), the disputes with their committees (newest first), and each member's service trust.")

    static let gitObject: JSONValue = ["type": "string", "pattern": "^([0-9a-f]{40}|[0-9a-f]{64})$"]
    static let party = Schema.ref("Party")
    static let partySchema = Schema.object(["key": Schema.hex64, "label": Schema.string], optional: ["label"],
                                           description: "A key and its label when it has one.")

    /// A task as `ContractReport` encodes it (also what `pot contract show --json` prints).
    static let contractSchema = Schema.object([
        "id": Schema.hex64, "title": Schema.string, "description": Schema.string, "spec": gitObject,
        "requester": party, "worker": party, "reward_mt": Schema.integer, "posted_at": Schema.integer,
        "accept_by": Schema.integer, "deliver_by": Schema.integer, "accepted_at": Schema.integer,
        "delivery": Schema.object(["commit": gitObject, "note": Schema.string, "height": Schema.integer], optional: ["note"]),
        "phase": Schema.string,
        "closing": Schema.object(["reason": Schema.string, "height": Schema.integer, "worker_share_ppm": Schema.ppm]),
        "ratings": Schema.array(Schema.object(["rater": party, "stars": ["type": "integer", "minimum": 1, "maximum": 5]])),
        "disputed": Schema.boolean,
    ], optional: ["description", "spec", "worker", "accepted_at", "delivery", "closing"],
       description: "A task: requester, worker, reward escrowed, deadlines, delivery, closing and ratings.")

    /// A dispute as `CommitteeReport` encodes it (also what `pot committee show --json` prints).
    static let committeeSchema = Schema.object([
        "dispute": Schema.hex64, "title": Schema.string, "party": party, "statement": Schema.string, "evidence": gitObject,
        "opened_at": Schema.integer,
        "phase": Schema.enumeration(["drawing its committee", "sealing verdicts", "revealing verdicts", "recovering withheld verdicts",
                                     "waiting for the leader's decision", "decided", "settled without a committee"]),
        "draw_at": Schema.integer, "drawn_at": Schema.integer, "threshold": Schema.integer, "seal_until": Schema.integer,
        "reveal_until": Schema.integer, "recover_until": Schema.integer, "tallied_at": Schema.integer, "decide_by": Schema.integer,
        "committee": Schema.array(Schema.object([
            "position": Schema.integer, "member": party, "sealed": Schema.boolean,
            "verdict_state": Schema.enumeration(["revealed", "recovered", "corrupt", "sealed", "not sealed"]),
            "verdict_ppm": Schema.ppm, "shares_released": Schema.integer,
        ], optional: ["verdict_ppm"])),
        "tally_ppm": Schema.ppm,
        "decision": Schema.object(["height": Schema.integer, "verdict_ppm": Schema.ppm, "verdict": Schema.string, "leader": party,
                                   "term": Schema.integer], optional: ["leader", "term"]),
    ], optional: ["evidence", "drawn_at", "seal_until", "reveal_until", "recover_until", "tallied_at", "decide_by", "decision"],
       description: "A dispute: its committee in draw order with each member's verdict, its windows, the chain's tally and the decision.")

    /// A member's service trust as `ServiceReport` encodes it (also `pot contract trust --json`).
    static let serviceSchema = Schema.object([
        "member": party, "trust_ppm": Schema.ppm, "evidence_for": ["type": "number", "minimum": 0],
        "evidence_against": ["type": "number", "minimum": 0], "contracts": Schema.integer, "arbitrations": Schema.integer,
        "arbiter_key": Schema.boolean, "may_sit": Schema.boolean,
    ], description: "Service trust (r+1)/(r+s+2) over decayed evidence, in ppm, and whether the member may sit on a committee.")
}

/// `/api/contracts/{id}`: one task and, when disputed, its committee.
struct TaskDocument: Encodable, Sendable {
    let contract: ContractReport
    let committee: CommitteeReport?

    static let schema = Schema.object(["contract": Schema.ref("Contract"), "committee": Schema.ref("Committee")], optional: ["committee"],
                                      description: "A task and, when it was disputed, its committee.")
}

/// The contracts section of a block's payload: each object with its kind, task and signer.
struct BlockContractsDocument: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        let kind: String
        let task: String?
        let signer: String
        let signer_label: String?
    }

    let objects: [Entry]

    static let kinds = ["task", "acceptance", "delivery", "approval", "rating", "dispute", "arbiter key", "sealed verdict", "verdict reveal",
                        "share release", "decision"]

    /// Nil when the payload carries no contracts section.
    init?(_ section: ContractsSection, chain: Hash256, names: [PublicKey: String]) {
        guard !section.isEmpty else { return nil }
        func entries<Body>(_ kind: String, _ list: [Signed<Body>], task: (Body) -> Hash256?) -> [Entry] {
            list.map { Entry(kind: kind, task: task($0.body)?.hex, signer: $0.body.signer.hex, signer_label: names[$0.body.signer]) }
        }
        objects = entries("task", section.posts) { $0.taskId(chain: chain) } + entries("acceptance", section.acceptances) { $0.task }
            + entries("delivery", section.deliveries) { $0.task } + entries("approval", section.approvals) { $0.task }
            + entries("rating", section.ratings) { $0.task } + entries("dispute", section.disputes) { $0.task }
            + entries("arbiter key", section.arbiterKeys) { _ in nil } + entries("sealed verdict", section.seals) { $0.dispute }
            + entries("verdict reveal", section.reveals) { $0.dispute } + entries("share release", section.releases) { $0.dispute }
            + entries("decision", section.decisions) { $0.dispute }
    }

    static let schema = Schema.object([
        "objects": Schema.array(Schema.object([
            "kind": Schema.enumeration(kinds), "task": Schema.hex64, "signer": Schema.hex64, "signer_label": Schema.string,
        ], optional: ["task", "signer_label"])),
    ], description: "The contracts section of a payload (payload key 6): its objects in the order a block applies them, each with its task.")

    var html: HTML {
        let rows = objects.map { o -> [HTML] in
            ["\(o.kind)", o.task.map { TaskLink.to($0) } ?? "-", Fragments.accountLink(o.signer, label: o.signer_label)]
        }
        return """
        <section>
        <h2>Contracts</h2>
        \(Fragments.table(["object", "task", "signed by"], rows))
        </section>
        """
    }
}

/// An account's service: `service` of `/api/accounts/{account}`.
struct AccountServiceDocument: Encodable, Sendable {
    /// Nil when the key is neither a member nor has a record.
    let service: ServiceReport?
    /// Tasks it requested or worked, newest first.
    let tasks: [String]
    /// Disputes it sat on the committee of.
    let committees: [String]

    static let schema = Schema.object([
        "service": Schema.ref("ServiceTrust"), "tasks": Schema.array(Schema.hex64), "committees": Schema.array(Schema.hex64),
    ], optional: ["service"], description: "The account's service trust, the tasks it requested or worked, and the disputes it sat on.")

    var html: HTML {
        let facts: HTML = service.map { s in
            """
            <dl class="facts">
            <dt>service trust</dt><dd>\(ContractsPage.percent(s.trust_ppm)) \(ContractsPage.bar(s.trust_ppm))</dd>
            <dt>evidence</dt><dd>\(ContractsPage.decimal(s.evidence_for)) for, \(ContractsPage.decimal(s.evidence_against)) against (decayed)</dd>
            <dt>contracts</dt><dd>\(s.contracts) completed; \(s.arbitrations) arbitration(s)</dd>
            <dt>committees</dt><dd>\(s.may_sit ? "may sit" : s.arbiter_key ? "may not sit yet" : "no arbiter key announced")</dd>
            </dl>
            """
        } ?? "<p class=\"empty\">no service record</p>"
        let tasks: HTML = self.tasks.isEmpty ? "" : "<p>Tasks: \(HTML.join(self.tasks.map { TaskLink.to($0) }, separator: ", "))</p>"
        let seats: HTML = committees.isEmpty ? "" : "<p>Committees: \(HTML.join(committees.map { TaskLink.to($0) }, separator: ", "))</p>"
        return """
        <section>
        <h2>Service</h2>
        \(facts)
        \(tasks)
        \(seats)
        </section>
        """
    }
}

/// A link to a task's page, showing the start of its id.
enum TaskLink {
    static func to(_ id: String) -> HTML { "<a href=\"/contracts/\(id)\"><code>\(String(id.prefix(12)))</code></a>" }
}
