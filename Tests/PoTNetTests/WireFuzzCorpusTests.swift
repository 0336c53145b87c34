import Foundation
import PoTCore
import PoTModules
import PoTNet
import PoTTestSupport
import Testing

/// The committed seed corpus of the message and frame fuzz targets (Fuzz/corpus/<target>/),
/// decoded by the product's decoders: the seeds are real messages, so each must be accepted and
/// re-encode to exactly its bytes.
@Suite("Fuzz corpus: wire")
struct WireFuzzCorpusTests {
    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestEnvironment.packageRoot + "/Fuzz/corpus/" + target
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    @Test("FUZZ-CANONICAL: every message seed of the fuzz corpus is accepted and re-encodes to exactly its bytes")
    func messageSeeds() throws {
        let seeds = try Self.seeds("message")
        #expect(seeds.count >= 35)
        for seed in seeds {
            let message = try #require(try? Message(bytes: seed.bytes, modules: .standard), "message/\(seed.name) is refused")
            #expect(message.encoded() == seed.bytes, "message/\(seed.name)")
        }
    }

    @Test("FUZZ-CANONICAL: the frame seeds are streams of whole frames, each a canonical message or cut at a bad length")
    func frameSeeds() throws {
        for seed in try Self.seeds("frame") {
            var decoder = FrameDecoder(maxBytes: 1 << 16)
            decoder.append(seed.bytes.dropFirst())
            var bodies = 0
            do {
                while let body = try decoder.next() {
                    #expect(try Message(bytes: body, modules: .standard).encoded() == body, "frame/\(seed.name)")
                    bodies += 1
                }
                #expect(decoder.bufferedBytes == 0, "frame/\(seed.name) ends inside a frame")
            } catch {
                #expect(seed.name.hasPrefix("stream-empty") || seed.name.hasPrefix("stream-oversized"), "frame/\(seed.name): \(error)")
            }
            #expect(bodies >= 1, "frame/\(seed.name)")
        }
    }
}
