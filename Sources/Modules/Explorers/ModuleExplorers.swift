import PoTAgentsWeb
import PoTContractsWeb
import PoTMarketsWeb
import PoTMembershipWeb
import PoTWeb

/// The modules' parts of the explorer, as pot-web lists them: the one list a module's web part
/// is added to. Apart from the list of their verbs (`Sources/Modules/Hosts`) so that `pot`, which
/// reads `pot status` on every call, does not link the web server.
public enum ModuleExplorers {
    public static let all: ExplorerModules = {
        do { return try ExplorerModules([MarketsExplorer.self, MembershipExplorer.self, ContractsExplorer.self, AgentsExplorer.self]) } catch {
            preconditionFailure("the explorer modules are inconsistent: \(error)")
        }
    }()
}
