/// The 64-bit block permutation behind ssss's diffusion layer: 32 cycles of
/// XTEA with an all-zero key.
enum XTEA {
    private static let delta: UInt32 = 0x9E37_79B9

    /// Applies the permutation to the block `(v0, v1)`.
    static func encipher(_ v0: inout UInt32, _ v1: inout UInt32) {
        var sum: UInt32 = 0
        for _ in 0..<32 {
            v0 &+= ((v1 << 4 ^ v1 >> 5) &+ v1) ^ sum
            sum &+= delta
            v1 &+= ((v0 << 4 ^ v0 >> 5) &+ v0) ^ sum
        }
    }

    /// Undoes ``encipher(_:_:)``.
    static func decipher(_ v0: inout UInt32, _ v1: inout UInt32) {
        var sum = delta &* 32
        for _ in 0..<32 {
            v1 &-= ((v0 << 4 ^ v0 >> 5) &+ v0) ^ sum
            sum &-= delta
            v0 &-= ((v1 << 4 ^ v1 >> 5) &+ v1) ^ sum
        }
    }
}
