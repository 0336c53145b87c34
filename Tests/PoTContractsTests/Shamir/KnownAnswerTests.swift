import Testing
import PoTContracts

/// The (3,5) example on ssss's web page (doc.html in the Debian source).
enum DocExample {
    static let secret = "my secret root password"
    static let securityBits = 184
    static let shares = [
        "1-1c41ef496eccfbeba439714085df8437236298da8dd824",
        "2-fbc74a03a50e14ab406c225afb5f45c40ae11976d2b665",
        "3-fa1c3a9c6df8af0779c36de6c33f6e36e989d0e0b91309",
        "4-468de7d6eb36674c9cf008c8e8fc8c566537ad6301eb9e",
        "5-4756974923c0dce0a55f4774d09ca7a4865f64f56a4ee0",
    ]
}

@Suite("Known answers from ssss's documentation and frozen ssss output")
struct KnownAnswerTests {
    @Test("The documented combine session gives the documented secret")
    func documentedCombine() throws {
        let shares = try [DocExample.shares[2], DocExample.shares[4], DocExample.shares[1]]
            .map { try ShamirShare(parsing: $0) }
        let secret = try Shamir.combine(shares, securityBits: 184, diffusion: true)
        #expect(secret == Array(DocExample.secret.utf8))
    }

    @Test("Every 3 of the 5 documented shares give the secret")
    func everyDocumentedSubset() throws {
        let shares = try DocExample.shares.map { try ShamirShare(parsing: $0) }
        for a in 0..<5 { for b in (a + 1)..<5 { for c in (b + 1)..<5 {
            let secret = try Shamir.combine([shares[c], shares[a], shares[b]], securityBits: 184, diffusion: true)
            #expect(String(decoding: secret, as: UTF8.self) == DocExample.secret)
        } } }
    }

    @Test("The documented combine transcript, through the driver")
    func documentedCombineTranscript() {
        let input = [DocExample.shares[2], DocExample.shares[4], DocExample.shares[1]].joined(separator: "\n") + "\n"
        let output = ShamirCombineTool.run(arguments: ["-t", "3"], input: input)
        #expect(output == ToolOutput(
            stdout: "Enter 3 shares separated by newlines:\nShare [1/3]: Share [2/3]: Share [3/3]: ",
            stderr: "Resulting secret: my secret root password\n",
            status: 0
        ))
    }

    @Test("Our split rebuilds all 5 documented shares from the documented polynomial")
    func documentedSplitTranscript() throws {
        let three = try DocExample.shares.prefix(3).map { try ShamirShare(parsing: $0) }
        let coefficients = try Interpolation.coefficients(of: three, securityBits: 184)
        #expect(coefficients[0].bigEndianBytes(count: 23) == Diffusion.encode(Array(DocExample.secret.utf8)))

        let queue = ByteQueue(Interpolation.replaying(coefficients, securityBits: 184))
        let output = ShamirSplitTool.run(
            arguments: ["-t", "3", "-n", "5"], input: Array("\(DocExample.secret)\n".utf8), random: queue.next
        )
        #expect(output == ToolOutput(
            stdout: "Generating shares using a (3,5) scheme with dynamic security level.\n"
                + DocExample.shares.joined(separator: "\n") + "\n",
            stderr: "Enter the secret, at most 128 ASCII characters: Using a 184 bit security level.\n",
            status: 0
        ))
        #expect(queue.isEmpty)
    }

    /// One parsed line of ``FrozenVectors/hexSplits``.
    struct HexSplit: CustomTestStringConvertible {
        let diffusion: Bool
        let securityBits: Int
        let threshold: Int
        let secret: [UInt8]
        let shares: [String]
        var testDescription: String { "\(securityBits) bits, t=\(threshold)\(diffusion ? "" : ", -D")" }

        static let all: [HexSplit] = FrozenVectors.hexSplits.split(separator: "\n").map { line in
            let fields = line.split(separator: " ").map(String.init)
            return HexSplit(
                diffusion: fields[0] == "x", securityBits: Int(fields[1])!, threshold: Int(fields[2])!,
                secret: Hex.bytes(fields[3]), shares: Array(fields[4...])
            )
        }
    }

    @Test("Every field size: frozen ssss shares combine, and our split rebuilds them exactly",
          arguments: HexSplit.all)
    func frozenHexSplit(_ vector: HexSplit) throws {
        let bits = vector.securityBits
        let shares = try vector.shares.map { try ShamirShare(parsing: $0) }
        var generator = SeededGenerator(seed: UInt64(bits))
        let subset = shares.randomSubset(vector.threshold, using: &generator)
        #expect(try Shamir.combine(subset, securityBits: bits, diffusion: vector.diffusion) == vector.secret)

        let coefficients = try Interpolation.coefficients(of: Array(shares.prefix(vector.threshold)), securityBits: bits)
        let queue = ByteQueue(Interpolation.replaying(coefficients, securityBits: bits))
        let rebuilt = try Shamir.split(
            secret: vector.secret, threshold: vector.threshold, count: shares.count,
            securityBits: bits, diffusion: vector.diffusion, random: queue.next
        )
        #expect(rebuilt.map(\.description) == vector.shares)
    }

    @Test("Frozen text-mode splits (tokens, padded indices, -s, -D) round-trip through both drivers",
          arguments: FrozenVectors.textSplits.indices)
    func frozenTextSplit(_ position: Int) throws {
        let vector = FrozenVectors.textSplits[position]
        var generator = SeededGenerator(seed: UInt64(position))
        let chosen = vector.shares.randomSubset(vector.threshold, using: &generator)
        var arguments = ["-t", "\(vector.threshold)", "-q"]
        if !vector.diffusion { arguments.append("-D") }
        let parsed = try vector.shares.map { try ShamirShare(parsing: $0) }
        let bits = parsed[0].securityBits
        let warning = vector.diffusion && bits < 64
            ? "WARNING: security level too small for the diffusion layer.\n" : ""
        let combined = ShamirCombineTool.run(arguments: arguments, input: chosen.joined(separator: "\n") + "\n")
        #expect(combined == ToolOutput(stdout: "", stderr: warning + vector.secret + "\n", status: 0))

        let coefficients = try Interpolation.coefficients(of: Array(parsed.prefix(vector.threshold)), securityBits: bits)
        let queue = ByteQueue(Interpolation.replaying(coefficients, securityBits: bits))
        var splitArguments = ["-t", "\(vector.threshold)", "-n", "\(vector.count)", "-q"]
        if let token = vector.token { splitArguments += ["-w", token] }
        if let level = vector.securityBits { splitArguments += ["-s", "\(level)"] }
        if !vector.diffusion { splitArguments.append("-D") }
        let split = ShamirSplitTool.run(
            arguments: splitArguments, input: Array("\(vector.secret)\n".utf8), random: queue.next
        )
        #expect(split.stdout == vector.shares.joined(separator: "\n") + "\n")
        #expect(split.status == 0)
    }
}
