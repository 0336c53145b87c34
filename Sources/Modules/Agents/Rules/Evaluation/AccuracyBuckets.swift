/// The outcomes of an agent's evaluation market: its accuracy on the holdout falls in one of
/// six buckets, below 50 %, 50–70 %, 70–80 %, 80–90 %, 90–95 % and 95 % or more. Our choice:
/// finer where good models differ, coarse where a model is no use anyway.
public enum AccuracyBuckets {
    /// The lower edges of buckets 1 to 5, in ppm.
    public static let edges: [UInt64] = [500_000, 700_000, 800_000, 900_000, 950_000]
    public static var count: Int { edges.count + 1 }

    /// The bucket of an accuracy in ppm.
    public static func bucket(_ accuracyPpm: UInt64) -> Int { edges.filter { accuracyPpm >= $0 }.count }

    /// "90–95%", for people.
    public static func label(_ bucket: Int) -> String {
        let percent = [0] + edges.map { Int($0 / 10_000) } + [100]
        if bucket == 0 { return "below 50%" }
        if bucket == count - 1 { return "95% or more" }
        return "\(percent[bucket])–\(percent[bucket + 1])%"
    }
}
