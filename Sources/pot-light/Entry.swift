import ArgumentParser
import Foundation

/// Every failure ends as one `Error: …` line on stderr and exit status 1; help exits 0.
@main
enum Entry {
    static func main() async {
        do {
            var command = try await PotLight.asyncParseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if PotLight.exitCode(for: error) == .success { PotLight.exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(PotLight.message(for: error))\n".utf8))
            exit(1)
        }
    }
}
