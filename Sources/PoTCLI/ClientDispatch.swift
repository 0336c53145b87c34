import Foundation

/// `pot node|light|market|web|deploy …` run the dedicated client (`pot-bootstrap`, `pot-light`,
/// `pot-market`, `pot-web`, `pot-deploy`) installed next to `pot` (or on PATH), replacing this process.
enum ClientDispatch {
    static let clients = [
        "node": "pot-bootstrap", "light": "pot-light", "market": "pot-market", "web": "pot-web", "deploy": "pot-deploy",
    ]

    static func execIfClient(_ args: [String]) {
        guard let verb = args.first, let program = clients[verb] else { return }
        let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent(program).path
        let path = FileManager.default.isExecutableFile(atPath: sibling) ? sibling : program
        let argv = ([program] + args.dropFirst()).map { strdup($0) } + [nil]
        if path.contains("/") { execv(path, argv) } else { execvp(program, argv) }
        FileHandle.standardError.write(Data("Error: cannot run \(program) (\(String(cString: strerror(errno)))); build or install it next to pot\n".utf8))
        exit(1)
    }
}
