/// Signed 32-bit numbers as big-endian bytes: how datasets, checkpoints and models store them.
enum Int32Packing {
    static func pack(_ values: [Int32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * values.count)
        for value in values {
            let bits = UInt32(bitPattern: value)
            bytes += [UInt8(bits >> 24), UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
        }
        return bytes
    }

    /// The numbers of `bytes`, whose count is a multiple of 4.
    static func unpack(_ bytes: ArraySlice<UInt8>) -> [Int32] {
        stride(from: bytes.startIndex, to: bytes.endIndex, by: 4).map { at in
            Int32(bitPattern: UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3]))
        }
    }
}
