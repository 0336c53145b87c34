import Foundation
import PoTTestSupport
import Testing

@Suite("Crash safety and locking")
struct CrashTests {
    @Test("GIT-ATOMIC: pot propose killed at any step leaves a valid repository, and a retry succeeds",
          arguments: ["after-block-commit", "before-block-ref", "after-block-ref", "before-main"])
    func killedProposeLeavesValidRepository(point: String) throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let before = try chain.statusJSON()
        let killed = try Run.pot(["propose", "--as", "bob", "--canonical", "--timestamp", "1700000400"],
                                 in: chain.directory, environment: ["POT_CRASH_AT": point])
        #expect(killed.status != 0, "the process was to be killed at \(point)")
        let verify = try Run.pot(["verify"], in: chain.directory)
        #expect(verify.status == 0, "\(verify.stdout)")
        let after = try chain.statusJSON()
        if point == "after-block-ref" || point == "before-main" {
            // The block is stored as a candidate; main has not moved.
            #expect(after.contains("\"height\" : 4"))
        } else {
            #expect(after == before)
        }
        let retry = try Run.pot(["propose", "--as", "bob", "--canonical", "--timestamp", "1700000400"], in: chain.directory)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try Run.ok(["verify"], in: chain.directory).hasPrefix("ok:"))
        #expect(try chain.statusJSON().contains("\"height\" : 4,"))
    }

    @Test("GIT-LOCK: a second writer waits for the lock and gives up with a clear error")
    func heldLockRefusesWriter() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", "import fcntl,sys,time; f=open(sys.argv[1],'a'); fcntl.flock(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(8)", chain.directory + "/.git/pot/lock"]
        let out = Pipe()
        holder.standardOutput = out
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        _ = out.fileHandleForReading.availableData  // "held"
        let result = try Run.pot(["transfer", "--as", "bob", "--to", "alice", "--amount", "1"], in: chain.directory,
                                 environment: ["POT_LOCK_TIMEOUT": "0.5"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("another pot process holds"))
    }

    @Test("GIT-LOCK: concurrent writers never corrupt each other")
    func concurrentTransfers() throws {
        let chain = try WalkthroughChain.make()
        defer { chain.remove() }
        let group = DispatchGroup()
        let results = ResultBox()
        for _ in 0..<6 {
            group.enter()
            DispatchQueue.global().async {
                let r = try? Run.pot(["transfer", "--as", "bob", "--to", "alice", "--amount", "1"], in: chain.directory)
                results.add(r?.status ?? -1)
                group.leave()
            }
        }
        group.wait()
        #expect(results.all == Array(repeating: 0, count: 6))
        let status = try chain.statusJSON()
        for nonce in 1...6 { #expect(status.contains("\"nonce\" : \(nonce),")) }
        #expect(try Run.ok(["verify"], in: chain.directory).contains("6 pending transfer(s)"))
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int32] = []
    func add(_ v: Int32) { lock.lock(); values.append(v); lock.unlock() }
    var all: [Int32] { lock.lock(); defer { lock.unlock() }; return values }
}
