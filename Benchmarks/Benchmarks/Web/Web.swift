import BenchSupport
import Benchmark
import Foundation

// The release `pot-web` on a chain of 10 000 empty blocks (a copy of the status.chain10k
// fixture, so the status benchmarks keep theirs), with its default refresh settings:
//
//   web.newBlock10k     from `pot propose --canonical --as alice` returning until /api/status
//                       (polled every millisecond) shows the new tip: the model follows main
//   web.fullBuild10k    from starting pot-web on the same chain until /api/status answers: the
//                       model built from genesis, what every move of main cost when the model
//                       was rebuilt from genesis each time
//
// scripts/bench.sh reports newBlock10k against the goal of 200 ms and as a ratio of fullBuild10k.

let webBlocks = 10_000
var webDirectory: String { BenchPaths.fixtures + "/web-\(webBlocks)" }

nonisolated(unsafe) var server: WebServerProcess?

/// The copy pot-web serves, made once per run.
func webChain() throws -> String {
    let copy = webDirectory
    if !FileManager.default.fileExists(atPath: copy + "/.git/pot-bench-complete") {
        try copyTree(ChainFixture.statusChain(webBlocks), to: copy)
    }
    return copy
}

let benchmarks: @Sendable () -> Void = {
    func config(iterations: Int, setup: @escaping () async throws -> Void, teardown: (() async throws -> Void)? = nil) -> Benchmark.Configuration {
        Benchmark.Configuration(
            metrics: [.wallClock],
            timeUnits: .microseconds,
            warmupIterations: 2,
            scalingFactor: .one,
            maxDuration: .seconds(60),
            maxIterations: iterations,
            setup: setup,
            teardown: teardown)
    }

    Benchmark("web.newBlock10k", configuration: config(iterations: 40, setup: {
        server = try WebServerProcess(directory: try webChain())
    }, teardown: {
        server?.stop()
        server = nil
    })) { benchmark in
        guard let server else { return benchmark.error("pot-web is not running") }
        do {
            let expected = try server.tipHeight() + 1
            try Command.check(BenchPaths.pot, ["propose", "--canonical", "--as", "alice"], in: webDirectory)
            benchmark.startMeasurement()
            while try server.tipHeight() < expected { usleep(1_000) }
            benchmark.stopMeasurement()
        } catch {
            benchmark.error("\(error)")
        }
    }

    Benchmark("web.fullBuild10k", configuration: config(iterations: 10, setup: { _ = try webChain() })) { benchmark in
        do {
            benchmark.startMeasurement()
            let started = try WebServerProcess(directory: webDirectory)
            let height = try started.tipHeight()
            benchmark.stopMeasurement()
            started.stop()
            if height < UInt64(webBlocks) { benchmark.error("pot-web shows height \(height)") }
        } catch {
            benchmark.error("\(error)")
        }
    }
}
