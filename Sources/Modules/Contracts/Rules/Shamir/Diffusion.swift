/// ssss's diffusion layer: an unkeyed permutation of the secret that makes
/// every bit of every share depend on every bit of the secret.
///
/// It slides an XTEA window over the secret's bytes (wrapping around), two
/// bytes at a time, for 40 passes' worth of steps. ssss applies it only for
/// fields of at least 64 bits; see ``Diffusion/minimumBits``.
public enum Diffusion {
    /// Smallest field size (in bits) for which ssss applies the layer.
    public static let minimumBits = 64

    /// Scrambles a secret of `d/8` big-endian bytes as `ssss-split` does.
    ///
    /// - Precondition: `secret.count * 8 >= minimumBits`.
    public static func encode(_ secret: [UInt8]) -> [UInt8] {
        var work = ssssLayout(secret)
        let length = work.count
        for start in stride(from: 0, to: 40 * length, by: 2) {
            permuteWindow(&work, at: start, inverse: false)
        }
        return standardLayout(work)
    }

    /// Undoes ``encode(_:)`` as `ssss-combine` does.
    ///
    /// - Precondition: `secret.count * 8 >= minimumBits`.
    public static func decode(_ secret: [UInt8]) -> [UInt8] {
        var work = ssssLayout(secret)
        let length = work.count
        for start in stride(from: 40 * length - 2, through: 0, by: -2) {
            permuteWindow(&work, at: start, inverse: true)
        }
        return standardLayout(work)
    }

    /// ssss works on the number exported as 16-bit words, least significant
    /// word first and each word big-endian; with an odd byte count the top byte
    /// comes last on its own.
    private static func ssssLayout(_ bigEndian: [UInt8]) -> [UInt8] {
        precondition(bigEndian.count * 8 >= minimumBits, "diffusion needs at least 64 bits")
        let length = bigEndian.count
        var layout = [UInt8](repeating: 0, count: length)
        for position in 0..<length {
            layout[position] = bigEndian[length - 1 - littleEndianIndex(ofLayoutPosition: position, length: length)]
        }
        return layout
    }

    private static func standardLayout(_ layout: [UInt8]) -> [UInt8] {
        let length = layout.count
        var bigEndian = [UInt8](repeating: 0, count: length)
        for position in 0..<length {
            bigEndian[length - 1 - littleEndianIndex(ofLayoutPosition: position, length: length)] = layout[position]
        }
        return bigEndian
    }

    private static func littleEndianIndex(ofLayoutPosition position: Int, length: Int) -> Int {
        if length % 2 == 1 && position == length - 1 { return position }
        return position ^ 1
    }

    private static func permuteWindow(_ bytes: inout [UInt8], at start: Int, inverse: Bool) {
        let length = bytes.count
        func word(_ offset: Int) -> UInt32 {
            var value: UInt32 = 0
            for k in 0..<4 { value = value << 8 | UInt32(bytes[(start + offset + k) % length]) }
            return value
        }
        func store(_ value: UInt32, _ offset: Int) {
            for k in 0..<4 { bytes[(start + offset + k) % length] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(k))) }
        }
        var v0 = word(0), v1 = word(4)
        if inverse { XTEA.decipher(&v0, &v1) } else { XTEA.encipher(&v0, &v1) }
        store(v0, 0)
        store(v1, 4)
    }
}
