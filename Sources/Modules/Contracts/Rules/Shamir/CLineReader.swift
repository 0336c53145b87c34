/// Reads lines from a byte buffer the way C's `fgets` does with ssss's buffer size.
struct CLineReader {
    private let input: [UInt8]
    private var position = 0

    init(_ input: [UInt8]) {
        self.input = input
    }

    /// The next chunk: up to the end of the line (newline included) but at most
    /// `CStyleInput.lineBufferSize - 1` bytes, or nil at end of input.
    mutating func nextLine() -> ArraySlice<UInt8>? {
        guard position < input.count else { return nil }
        let limit = min(input.count, position + CStyleInput.lineBufferSize - 1)
        var end = position
        while end < limit {
            end += 1
            if input[end - 1] == 0x0A { break }
        }
        defer { position = end }
        return input[position..<end]
    }
}
