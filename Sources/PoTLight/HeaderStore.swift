import PoTCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The verified header chain of one chain id, kept in a directory: `genesis` (the genesis
/// parameters, written once, atomically) and `headers` (an append-only file, synced after each
/// batch). Only headers that pass every light-client rule are appended, so the file always holds
/// a verified chain from height 1; a record torn by a crash is dropped when the store is opened.
public final class HeaderStore {
    public static let genesisFile = "genesis"
    public static let headersFile = "headers"

    public let directory: String
    public let chainId: Hash256
    public private(set) var params: ChainParams?
    public private(set) var headers: [SignedHeader] = []
    public private(set) var ids: [Hash256] = []
    /// Bytes of an incomplete record found at the end of the header file when it was opened.
    public let tornBytes: Int
    private var ends: [Int] = []
    private var verifier: HeaderVerifier?
    private let writer: Int32?

    /// `.pot-light/<chain id hex>` under `base`.
    public static func defaultDirectory(chainId: Hash256, in base: String) -> String {
        base + "/.pot-light/" + chainId.hex
    }

    /// Opens the store for syncing: creates the directory, takes its lock (one writer at a
    /// time), loads and re-checks the stored chain, and cuts off a torn last record.
    public static func open(directory: String, chainId: Hash256) throws -> HeaderStore {
        try FileIO.makeDirectories(directory)
        let path = directory + "/" + headersFile
        let fd = try FileIO.openLockedForAppend(path, directory: directory)
        let store: HeaderStore
        do {
            store = try HeaderStore(directory: directory, chainId: chainId, writer: fd)
        } catch {
            close(fd)
            throw error
        }
        if store.tornBytes > 0, ftruncate(fd, off_t(store.ends.last ?? 0)) != 0 || fsync(fd) != 0 {
            throw FileIO.error("cannot cut the torn record off", path)
        }
        return store
    }

    /// Reads the store without changing it. Without a chain id, the stored genesis names it.
    public static func read(directory: String, chainId: Hash256?) throws -> HeaderStore {
        guard FileIO.exists(directory + "/" + genesisFile) else {
            throw HeaderStoreError("no light chain in \(directory) (run pot-light sync first)")
        }
        if let chainId { return try HeaderStore(directory: directory, chainId: chainId, writer: nil) }
        let bytes = try FileIO.contents(of: directory + "/" + genesisFile) ?? []
        guard let params = try? ChainParams(bytes: bytes) else {
            throw HeaderStoreError("\(directory)/\(genesisFile) does not hold genesis parameters")
        }
        return try HeaderStore(directory: directory, chainId: params.chainId, writer: nil)
    }

    private init(directory: String, chainId: Hash256, writer: Int32?) throws {
        self.directory = directory
        self.chainId = chainId
        self.writer = writer
        let loaded = try Self.loadCheckingLinkageOnly(directory: directory, chainId: chainId)
        params = loaded.params
        headers = loaded.contents.headers
        ids = loaded.ids
        ends = loaded.contents.ends
        tornBytes = loaded.contents.tornBytes
        verifier = loaded.verifier
    }

    private struct Loaded {
        var params: ChainParams?
        var contents = HeaderLog.Contents()
        var ids: [Hash256] = []
        var verifier: HeaderVerifier?
    }

    /// Reads the genesis parameters and the headers, and checks that the headers form a chain
    /// from the genesis (LIGHT-HEIGHT, LIGHT-PARENT, LIGHT-TIME). Their signatures were checked
    /// before they were appended.
    private static func loadCheckingLinkageOnly(directory: String, chainId: Hash256) throws -> Loaded {
        var loaded = Loaded()
        loaded.contents = HeaderLog.parse(try FileIO.contents(of: directory + "/" + headersFile) ?? [])
        guard let bytes = try FileIO.contents(of: directory + "/" + genesisFile) else {
            guard loaded.contents.headers.isEmpty else {
                throw HeaderStoreError("\(directory) holds headers but no genesis parameters; delete it and sync again")
            }
            return loaded
        }
        let params: ChainParams
        do {
            params = try HeaderVerifier.genesis(params: bytes, chainId: chainId)
        } catch {
            throw HeaderStoreError("\(directory)/\(genesisFile): \(error)")
        }
        var verifier = HeaderVerifier(genesis: params)
        do {
            loaded.ids = try verifier.verifyLinkageOnly(loaded.contents.headers)
        } catch {
            throw HeaderStoreError("\(directory)/\(headersFile) is corrupt at \(error); delete it and sync again")
        }
        loaded.params = params
        loaded.verifier = verifier
        return loaded
    }

    deinit {
        if let writer { close(writer) }
    }

    public var height: UInt64 { UInt64(headers.count) }
    /// Nil until the genesis parameters are stored.
    public var tip: ChainTip? { verifier?.tip }

    public func header(at height: UInt64) -> SignedHeader? {
        height >= 1 && height <= self.height ? headers[Int(height - 1)] : nil
    }

    /// The block id at `height`; the chain id at height 0.
    public func id(at height: UInt64) -> Hash256? {
        if height == 0 { return chainId }
        return height <= self.height ? ids[Int(height - 1)] : nil
    }

    /// Stores the genesis parameters after checking that they hash to the chain id.
    public func storeGenesis(_ bytes: [UInt8]) throws {
        _ = try requireWriter()
        let params = try HeaderVerifier.genesis(params: bytes, chainId: chainId)
        if self.params == nil {
            try FileIO.writeAtomically(bytes, to: directory + "/" + Self.genesisFile, directory: directory)
            self.params = params
            verifier = HeaderVerifier(genesis: params)
        }
    }

    /// Verifies headers for the next heights against every light-client rule, then appends and
    /// syncs them. Nothing is stored when one of them fails.
    public func append(_ batch: [SignedHeader]) throws {
        let writer = try requireWriter()
        guard var next = verifier else { throw HeaderStoreError("the genesis parameters must be stored before headers") }
        let batchIds = try next.verify(batch)
        guard !batch.isEmpty else { return }
        var bytes: [UInt8] = []
        var batchEnds: [Int] = []
        var end = ends.last ?? 0
        for header in batch {
            let record = HeaderLog.record(header)
            bytes += record
            end += record.count
            batchEnds.append(end)
        }
        let path = directory + "/" + Self.headersFile
        do {
            try FileIO.writeAll(writer, bytes, path: path)
            if fsync(writer) != 0 { throw FileIO.error("cannot sync", path) }
        } catch {
            _ = ftruncate(writer, off_t(ends.last ?? 0))
            throw error
        }
        headers += batch
        ids += batchIds
        ends += batchEnds
        verifier = next
    }

    /// Forgets every header above `height`.
    public func truncate(toHeight height: UInt64) throws {
        let writer = try requireWriter()
        guard height < self.height else { return }
        let keep = Int(height)
        let path = directory + "/" + Self.headersFile
        let end = keep == 0 ? 0 : ends[keep - 1]
        if ftruncate(writer, off_t(end)) != 0 || fsync(writer) != 0 { throw FileIO.error("cannot truncate", path) }
        headers.removeSubrange(keep...)
        ids.removeSubrange(keep...)
        ends.removeSubrange(keep...)
        if let params {
            let tip = keep == 0 ? ChainTip.genesis(params)
                : ChainTip(height: height, id: ids[keep - 1], timestamp: headers[keep - 1].header.timestamp)
            verifier = HeaderVerifier(chainId: chainId, tip: tip)
        }
    }

    private func requireWriter() throws(HeaderStoreError) -> Int32 {
        guard let writer else { throw HeaderStoreError("\(directory) was opened read-only") }
        return writer
    }
}
