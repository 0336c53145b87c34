import Foundation
import PoTCore
import PoTLight
import Testing

@Suite("HeaderStore")
struct HeaderStoreTests {
    static let chain = TestChain(length: 60)

    func withDirectory<T>(_ body: (String) throws -> T) rethrows -> T {
        let base = TemporaryDirectory.make()
        defer { TemporaryDirectory.remove(base) }
        return try body(base + "/chain")
    }

    func fill(_ directory: String, upTo height: Int) throws {
        let store = try HeaderStore.open(directory: directory, chainId: Self.chain.chainId)
        try store.storeGenesis(Self.chain.genesis)
        try store.append(Array(Self.chain.headers[0..<height]))
    }

    func fileSize(_ path: String) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
    }

    @Test("stored headers are there when the store is opened again")
    func reopen() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 40)
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            #expect(store.height == 40)
            #expect(store.tip?.id == Self.chain.id(at: 40))
            #expect(store.header(at: 17) == Self.chain.header(at: 17))
            #expect(store.tornBytes == 0)
            try store.append(Array(Self.chain.headers[40...]))
            #expect(try HeaderStore.read(directory: dir, chainId: nil).height == 60)
        }
    }

    @Test("a batch that breaks a rule is not stored")
    func refusesInvalid() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 10)
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            #expect(throws: HeaderRuleViolation.self) {
                try store.append([Self.chain.header(at: 11), Self.chain.header(at: 13)])
            }
            #expect(store.height == 10)
            #expect(try HeaderStore.read(directory: dir, chainId: Self.chain.chainId).height == 10)
        }
    }

    @Test("LIGHT-RESUME: a torn last record is dropped on open and the file cut back; earlier records survive")
    func tornRecord() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 30)
            let path = dir + "/" + HeaderStore.headersFile
            let whole = try fileSize(path)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([0, 0, 1, 40] + Array(repeating: 0xa1, count: 10)))
            try handle.close()

            #expect(try HeaderStore.read(directory: dir, chainId: nil).height == 30)
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            #expect(store.tornBytes == 14)
            #expect(store.height == 30)
            #expect(try fileSize(path) == whole)
            try store.append([Self.chain.header(at: 31)])
            #expect(try HeaderStore.read(directory: dir, chainId: nil).height == 31)
        }
    }

    @Test("a record cut short loses only that header")
    func cutRecord() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 30)
            let path = dir + "/" + HeaderStore.headersFile
            #expect(truncate(path, off_t(try fileSize(path) - 5)) == 0)
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            #expect(store.height == 29)
            #expect(store.tornBytes > 0)
        }
    }

    @Test("a stored chain that does not link is reported as corrupt, naming the height and rule")
    func corrupt() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 10)
            let path = dir + "/" + HeaderStore.headersFile
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            let first = Self.chain.header(at: 1).encoded().count + 4
            let second = Self.chain.header(at: 2).encoded().count + 4
            bytes.removeSubrange(first..<first + second)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect {
                try HeaderStore.read(directory: dir, chainId: nil)
            } throws: { error in
                "\(error)".contains("corrupt at height 2: LIGHT-HEIGHT")
            }
        }
    }

    @Test("only one process writes a store at a time; a read-only store refuses writes")
    func lock() throws {
        try withDirectory { dir in
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            try store.storeGenesis(Self.chain.genesis)
            #expect(throws: HeaderStoreError("another pot-light is syncing \(dir)")) {
                try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            }
            let reader = try HeaderStore.read(directory: dir, chainId: Self.chain.chainId)
            #expect(throws: HeaderStoreError.self) { try reader.append([Self.chain.header(at: 1)]) }
        }
    }

    @Test("genesis parameters of another chain are not stored; a store of another chain is refused")
    func genesis() throws {
        try withDirectory { dir in
            let other = TestChain(length: 0, note: "other")
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            #expect(throws: HeaderRuleViolation.self) { try store.storeGenesis(other.genesis) }
            #expect(store.params == nil)
            try store.storeGenesis(Self.chain.genesis)
            #expect(throws: HeaderStoreError.self) { try HeaderStore.read(directory: dir, chainId: other.chainId) }
        }
    }

    @Test("truncating forgets the headers above a height, on disk too")
    func truncating() throws {
        try withDirectory { dir in
            try fill(dir, upTo: 50)
            let store = try HeaderStore.open(directory: dir, chainId: Self.chain.chainId)
            try store.truncate(toHeight: 20)
            #expect(store.tip?.id == Self.chain.id(at: 20))
            try store.append([Self.chain.header(at: 21)])
            #expect(try HeaderStore.read(directory: dir, chainId: nil).height == 21)
            try store.truncate(toHeight: 0)
            #expect(try HeaderStore.read(directory: dir, chainId: nil).height == 0)
        }
    }
}
