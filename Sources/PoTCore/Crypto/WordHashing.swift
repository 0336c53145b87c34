/// Feeds 32 bytes to a hasher as four 64-bit words instead of 32 single bytes.
@inline(__always)
func combine32(_ bytes: [UInt8], into hasher: inout Hasher) {
    bytes.withUnsafeBytes { raw in
        for i in 0..<4 { hasher.combine(raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
    }
}
