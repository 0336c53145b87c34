/// Stops the run with `message` when `condition` is false. libFuzzer reports the stop as a crash
/// and saves the input, so a broken property is found and kept like any other crash.
public func expect(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("property failed: \(message())") }
}

/// Checks that a decoder is strict: an input it accepts must re-encode to exactly the input,
/// and decoding that encoding again must give the same value. Returns that value, or nil.
@discardableResult
public func expectCanonical<T: Equatable>(_ input: [UInt8], what: String,
                                           decode: ([UInt8]) throws -> T, encode: (T) -> [UInt8]) -> T? {
    guard let value = try? decode(input) else { return nil }
    let again = encode(value)
    expect(again == input, "\(what): accepted \(input.count) bytes that re-encode to \(again.count) different bytes")
    expect((try? decode(again)) == value, "\(what): its own encoding decodes to a different value")
    return value
}
