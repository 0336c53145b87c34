import Foundation

public enum TestEnvironment {
    /// The package root, found from this file's path.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The directory holding the built `pot` and `git-pot` (the same build as the tests).
    public static let binDirectory: String = {
        let candidates: [String?] = [
            Bundle.main.executableURL?.deletingLastPathComponent().path,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path,
            packageRoot + "/.build/debug",
        ]
        for case let dir? in candidates where FileManager.default.isExecutableFile(atPath: dir + "/pot") { return dir }
        return packageRoot + "/.build/debug"
    }()

    public static var pot: String { binDirectory + "/pot" }

    public static func temporaryDirectory(_ name: String = "pot-test") -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    public static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    public static func read(_ relative: String) throws -> String {
        try String(contentsOfFile: packageRoot + "/" + relative, encoding: .utf8)
    }
}
