import ArgumentParser
import PoTAgentsHost
import PoTContractsHost
import PoTMarketsHost
import PoTMembershipHost
import PoTNet
import PoTStore

/// The host parts of the modules, as `pot` and `pot-bootstrap` list them: the one list a module's
/// verbs and duties are added to (beside `Sources/Modules/List`, the list of their rules, and
/// `Sources/Modules/Explorers`, the list of their explorer parts).
public enum ModuleHosts {
    /// Each module's group of `pot` verbs.
    public static let commands: [any ParsableCommand.Type] = [MarketsGroup.self, SponsorGroup.self, MembersCommand.self, ContractGroup.self, CommitteeGroup.self,
                                                                 ArbitrateGroup.self, ShamirGroup.self, AgentGroup.self]

    /// What `pot-bootstrap` does by itself for the modules (membership: reveal due moves; contracts:
    /// reveal and recover verdicts).
    public static var duties: [StoreDuty] { [SponsorAutoReveal.duty, ArbiterAutoDuty.duty] }

    /// What `pot-bootstrap --validate-agents LABEL` adds: the agents module's validator, as LABEL.
    public static func agentValidator(label: String) -> StoreDuty { AgentValidatorDuty.duty(label: label) }

    /// What runs inside `pot-bootstrap`'s node for the modules (contracts: the committees' Raft
    /// over relays). With `sitting` off the agents only check and pass on other nodes' relays.
    public static func agents(sitting: Bool) -> [@Sendable (ChainStore) throws -> (any RelayAgent)?] {
        [{ store in try CommitteeAgent(store: store, sitting: sitting) }]
    }
}
