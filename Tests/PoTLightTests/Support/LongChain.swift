/// One 10 000-header chain, built once for the tests that measure speed.
enum LongChain {
    static let chain = TestChain(length: 10_000)
}
