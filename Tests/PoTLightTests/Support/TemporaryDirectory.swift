import Foundation

enum TemporaryDirectory {
    static func make() -> String {
        let path = NSTemporaryDirectory() + "pot-light-test-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }
}
