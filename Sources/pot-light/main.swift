import ArgumentParser
import Foundation

/// Every failure ends as one `Error: …` line on stderr and exit status 1; help exits 0.
do {
    var command = try PotLight.parseAsRoot()
    if var command = command as? AsyncParsableCommand {
        try await command.run()
    } else {
        try command.run()
    }
} catch {
    if PotLight.exitCode(for: error) == .success { PotLight.exit(withError: error) }
    FileHandle.standardError.write(Data("Error: \(PotLight.message(for: error))\n".utf8))
    exit(1)
}
