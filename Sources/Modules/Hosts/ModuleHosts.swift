import ArgumentParser
import PoTMarketsHost
import PoTStore
import PoTMarketsWeb
import PoTMembershipHost
import PoTMembershipWeb
import PoTWeb

/// The host parts of the modules, as the programs list them: the one list a module's host part
/// is added to (beside `Sources/Modules/List`, the list of their rules).
public enum ModuleHosts {
    /// Each module's group of `pot` verbs.
    public static let commands: [any ParsableCommand.Type] = [MarketsGroup.self, SponsorGroup.self, MembersCommand.self]

    /// What `pot-bootstrap` does by itself for the modules (membership: reveal due moves).
    public static var duties: [StoreDuty] { [SponsorAutoReveal.duty] }

    /// Each module's part of the explorer (pot-web).
    public static let explorer: ExplorerModules = {
        do { return try ExplorerModules([MarketsExplorer.self, MembershipExplorer.self]) } catch { preconditionFailure("the explorer modules are inconsistent: \(error)") }
    }()
}
