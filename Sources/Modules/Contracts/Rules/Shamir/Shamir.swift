/// Shamir secret sharing over GF(2^d), byte-compatible with ssss 0.5.
///
/// Like ssss, the sharing polynomial is monic: for threshold t it is
/// `x^t + c[t-1] x^(t-1) + ... + c[1] x + c[0]`, where `c[0]` is the secret
/// (after the optional ``Diffusion`` layer) and the other coefficients are
/// random. Share `i` is the polynomial's value at x = i, for i = 1...count.
public enum Shamir {
    /// Whether the diffusion layer is actually applied when requested:
    /// ssss skips it (with a warning) below 64 bits.
    public static func diffusionApplies(securityBits: Int) -> Bool {
        securityBits >= Diffusion.minimumBits
    }

    /// Splits `secret` into `count` shares, any `threshold` of which recover it.
    ///
    /// - Parameters:
    ///   - secret: the secret as a big-endian number of at most
    ///     `securityBits / 8` bytes (ssss's text mode uses the characters' bytes).
    ///   - threshold: number of shares needed to recombine; at least 1.
    ///   - count: number of shares to produce; at least `threshold` and below 2^securityBits.
    ///   - securityBits: field size d, a multiple of 8 in 8...1024.
    ///   - diffusion: apply ssss's diffusion layer (ignored below 64 bits, as in ssss).
    ///   - random: returns the requested number of random bytes; called once per
    ///     random coefficient, c[1] first, each `securityBits / 8` bytes read
    ///     big-endian, exactly as ssss reads `/dev/random`.
    /// - Returns: shares 1...count, each with a `securityBits / 8`-byte value and no token.
    public static func split(
        secret: [UInt8],
        threshold: Int,
        count: Int,
        securityBits: Int,
        diffusion: Bool,
        random: (Int) -> [UInt8]
    ) throws(ShamirError) -> [ShamirShare] {
        let field = try BinaryField(bits: securityBits)
        let width = securityBits / 8
        guard threshold >= 1 else { throw .invalidThreshold(threshold) }
        guard count >= threshold else { throw .countBelowThreshold(count: count, threshold: threshold) }
        guard securityBits >= 64 || count < 1 << securityBits else {
            throw .tooManyShares(count: count, securityBits: securityBits)
        }
        guard secret.count <= width else { throw .secretTooLong(length: secret.count, maximum: width) }

        var constant = leftPadded(secret, to: width)
        if diffusion && diffusionApplies(securityBits: securityBits) {
            constant = Diffusion.encode(constant)
        }
        var coefficients = [GF2Polynomial(bigEndianBytes: constant)]
        for _ in 1..<threshold {
            let bytes = random(width)
            guard bytes.count == width else {
                throw .randomSourceFailure(requested: width, received: bytes.count)
            }
            coefficients.append(GF2Polynomial(bigEndianBytes: bytes))
        }

        return (1...count).map { index in
            let y = evaluateMonic(coefficients, at: GF2Polynomial(UInt64(index)), in: field)
            return ShamirShare(index: index, value: y.bigEndianBytes(count: width))
        }
    }

    /// Recovers the secret from exactly `threshold` shares, where the
    /// threshold is the number of shares given (as ssss-combine's `-t`).
    ///
    /// - Returns: the secret as `securityBits / 8` big-endian bytes (short
    ///   secrets come back with leading zero bytes).
    public static func combine(
        _ shares: [ShamirShare],
        securityBits: Int,
        diffusion: Bool
    ) throws(ShamirError) -> [UInt8] {
        try combine(shares, threshold: max(shares.count, 1), securityBits: securityBits, diffusion: diffusion)
    }

    /// Recovers the secret of a `threshold`-out-of-n sharing from the first
    /// `threshold` of `shares` (ssss reads exactly that many).
    ///
    /// - Throws: ``ShamirError/tooFewShares(needed:given:)``, a length,
    ///   index or duplicate error, or ``ShamirError/invalidSecurityLevel(_:)``.
    public static func combine(
        _ shares: [ShamirShare],
        threshold: Int,
        securityBits: Int,
        diffusion: Bool
    ) throws(ShamirError) -> [UInt8] {
        let field = try BinaryField(bits: securityBits)
        guard threshold >= 1 else { throw .invalidThreshold(threshold) }
        guard shares.count >= threshold else { throw .tooFewShares(needed: threshold, given: shares.count) }
        let used = shares.prefix(threshold)

        var points: [(x: GF2Polynomial, y: GF2Polynomial)] = []
        var seen = Set<GF2Polynomial>()
        for share in used {
            guard share.value.count * 8 == securityBits else {
                throw .inconsistentLengths(expectedBits: securityBits, foundBits: share.value.count * 8)
            }
            guard share.index != 0 else { throw .invalidShareIndex(String(share.index)) }
            let x = share.fieldIndex
            guard field.contains(x) else {
                throw .indexOutOfRange(index: share.index, securityBits: securityBits)
            }
            guard seen.insert(x).inserted else { throw .duplicateIndex(share.index) }
            // Drop the monic x^t term; what remains has degree below t.
            let y = GF2Polynomial(bigEndianBytes: share.value) ^ field.power(x, threshold)
            points.append((x, y))
        }

        var constant = GF2Polynomial()
        for (i, point) in points.enumerated() {
            var numerator = GF2Polynomial(1)
            var denominator = GF2Polynomial(1)
            for (j, other) in points.enumerated() where j != i {
                numerator = field.multiply(numerator, other.x)
                denominator = field.multiply(denominator, point.x ^ other.x)
            }
            let weight = field.divide(numerator, by: denominator)
            constant ^= field.multiply(point.y, weight)
        }

        var secret = constant.bigEndianBytes(count: securityBits / 8)
        if diffusion && diffusionApplies(securityBits: securityBits) {
            secret = Diffusion.decode(secret)
        }
        return secret
    }

    /// Horner evaluation of `x^t + c[t-1] x^(t-1) + ... + c[0]`, t = coefficients.count.
    static func evaluateMonic(_ coefficients: [GF2Polynomial], at x: GF2Polynomial, in field: BinaryField) -> GF2Polynomial {
        var y = x
        for coefficient in coefficients.dropFirst().reversed() {
            y = field.multiply(y ^ coefficient, x)
        }
        return y ^ coefficients[0]
    }

    static func leftPadded(_ bytes: [UInt8], to width: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: width - bytes.count) + bytes
    }
}
