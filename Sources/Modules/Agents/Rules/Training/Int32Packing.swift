/// Signed 32-bit numbers as big-endian bytes: how datasets, checkpoints and models store them.
enum Int32Packing {
    static func pack(_ values: [Int32]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 4 * values.count)
        bytes.withUnsafeMutableBufferPointer { out in
            for (i, value) in values.enumerated() {
                let bits = UInt32(bitPattern: value)
                out[4 * i] = UInt8(bits >> 24)
                out[4 * i + 1] = UInt8(truncatingIfNeeded: bits >> 16)
                out[4 * i + 2] = UInt8(truncatingIfNeeded: bits >> 8)
                out[4 * i + 3] = UInt8(truncatingIfNeeded: bits)
            }
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
