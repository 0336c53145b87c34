import Foundation

/// What every harness does in libFuzzer's two entry points.
public enum Entry {
    /// The bytes libFuzzer hands to `LLVMFuzzerTestOneInput`.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// Called from `LLVMFuzzerInitialize`. With `POT_FUZZ_SEEDS=<dir>` in the environment, writes
    /// `seeds` there (one file per seed, named after it) and exits instead of fuzzing: this is how
    /// the committed corpus under Fuzz/corpus/ is made (`scripts/fuzz.sh --seeds`).
    public static func initialize(seeds: () throws -> [(name: String, bytes: [UInt8])]) {
        guard let directory = ProcessInfo.processInfo.environment["POT_FUZZ_SEEDS"] else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let all = try seeds()
            for seed in all {
                try Data(seed.bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(seed.name))
            }
            print("wrote \(all.count) seeds to \(directory)")
            exit(0)
        } catch {
            print("cannot write seeds to \(directory): \(error)")
            exit(1)
        }
    }
}
