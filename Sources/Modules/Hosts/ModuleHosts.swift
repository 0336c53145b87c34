import ArgumentParser
import PoTMarketsHost

/// The host parts of the modules, as the programs list them: the one list a module's host part
/// is added to (beside `Sources/Modules/List`, the list of their rules).
public enum ModuleHosts {
    /// Each module's group of `pot` verbs.
    public static let commands: [any ParsableCommand.Type] = [MarketsGroup.self]
}
