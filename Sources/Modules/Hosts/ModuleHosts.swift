import ArgumentParser
import PoTMarketsHost
import PoTMembershipHost
import PoTStore

/// The host parts of the modules, as `pot` and `pot-bootstrap` list them: the one list a module's
/// verbs and duties are added to (beside `Sources/Modules/List`, the list of their rules, and
/// `Sources/Modules/Explorers`, the list of their explorer parts).
public enum ModuleHosts {
    /// Each module's group of `pot` verbs.
    public static let commands: [any ParsableCommand.Type] = [MarketsGroup.self, SponsorGroup.self, MembersCommand.self]

    /// What `pot-bootstrap` does by itself for the modules (membership: reveal due moves).
    public static var duties: [StoreDuty] { [SponsorAutoReveal.duty] }
}
