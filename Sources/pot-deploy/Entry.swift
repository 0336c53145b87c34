import ArgumentParser
import Foundation
import PoTDeploy

/// Every failure ends as one `Error: …` line on stderr and exit status 1; help exits 0.
/// `--once` exits 2 when a hook failed or timed out.
@main
enum Entry {
    static func main() {
        Deployer.clearGitLocation()
        do {
            var command = try PotDeploy.parseAsRoot()
            try command.run()
        } catch let exit as HookFailures {
            Foundation.exit(exit.status)
        } catch {
            if PotDeploy.exitCode(for: error) == .success { PotDeploy.exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(PotDeploy.message(for: error))\n".utf8))
            Foundation.exit(1)
        }
    }
}

/// Ends `--once` with status 2: pot-deploy worked, but some hook did not.
struct HookFailures: Error {
    let status: Int32 = 2
}
