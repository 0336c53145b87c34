import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` spread over every core, for work whose items are independent and costly.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        let lanes = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / 16))
        guard lanes > 1 else { return map(transform) }
        let items = self
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                var i = lane
                while i < items.count {
                    (output.baseAddress! + i).initialize(to: transform(items[i]))
                    i += lanes
                }
            }
            initialized = items.count
        }
    }
}
