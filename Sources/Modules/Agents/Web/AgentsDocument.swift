import PoTAgents
import PoTAgentsHost
import PoTWeb

/// `/api/agents`: every agent, by name.
struct AgentsDocument: Encodable, Sendable {
    let tip_height: UInt64
    let agents: [AgentDocument]

    static let number: JSONValue = ["type": "number", "minimum": 0]

    static let schema = Schema.object([
        "tip_height": Schema.integer,
        "agents": Schema.array(Schema.ref("Agent")),
    ], description: "The agents, by name.")

    /// An agent as `AgentDocument` encodes it (also what `pot agent show --json` prints).
    static let agentSchema = Schema.object([
        "id": Schema.hex64, "name": Schema.string, "status": Schema.enumeration(Agent.Status.allCases.map(\.rawValue)),
        "provider": Schema.hex64, "tags": Schema.array(Schema.string), "bond_mt": Schema.integer, "model": Schema.string,
        "dataset_blob": ["type": "string", "pattern": "^[0-9a-f]{40}([0-9a-f]{24})?$"], "dataset_root": Schema.hex64, "label": Schema.string,
        "rows": Schema.integer, "learning_rate": number, "momentum": number, "batch": Schema.integer, "interval": Schema.integer,
        "steps": Schema.integer, "segments": Schema.integer, "evaluation_ppm": Schema.ppm, "registered_at": Schema.integer,
        "seed": Schema.hex64,
        "proof": Schema.object([
            "root": Schema.hex64, "final_model": Schema.hex64, "included_at": Schema.integer, "losses": Schema.array(number),
            "distances": Schema.array(Schema.integer), "selected": Schema.array(Schema.integer), "attesters": Schema.array(Schema.hex64),
            "verified_at": Schema.integer,
        ], optional: ["selected", "verified_at"]),
        "fraud": Schema.object([
            "segment": Schema.integer, "reporter": Schema.hex64, "height": Schema.integer, "slashed_mt": Schema.integer,
            "reward_mt": Schema.integer, "penalized": Schema.array(Schema.hex64),
        ]),
        "refuted_claims": Schema.integer,
        "evaluation": Schema.object([
            "opens_at": Schema.integer, "closes_at": Schema.integer, "resolve_by": Schema.integer,
            "forecasts": Schema.array(Schema.object(["forecaster": Schema.hex64, "probs_ppm": Schema.array(Schema.ppm)])),
            "holdout_rows": Schema.integer, "status": Schema.enumeration(["open", "drawn", "measured", "void"]),
            "accuracy_ppm": Schema.ppm, "bucket": Schema.string, "settled_at": Schema.integer,
        ], optional: ["holdout_rows", "accuracy_ppm", "bucket", "settled_at"]),
        "reputation_ppm": Schema.ppm, "uses": Schema.integer, "fees_mt": Schema.integer,
    ], optional: ["seed", "proof", "fraud", "evaluation", "reputation_ppm"],
       description: "An agent: its training claim, seed, proof, attesters, fraud, evaluation market and use.")
}
