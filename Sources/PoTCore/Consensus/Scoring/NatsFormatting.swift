extension TrustScoring {
    /// Format a nats×10^18 value as a signed decimal with `digits` places, rounded half away from
    /// zero, e.g. "+0.4055", "-1.7918", "0.0000". A value that rounds to zero is printed unsigned;
    /// "-" is always shown for a negative result, "+" only when `signed` is true.
    /// `digits` is clamped to 0...18 (the scale's resolution); 0 prints no decimal point.
    public static func formatNats(_ v: Int128, digits: Int = 4, signed: Bool = true) -> String {
        let d = max(0, min(18, digits))
        var unit: UInt128 = 1          // 10^(18 - d)
        for _ in 0..<(18 - d) { unit *= 10 }
        var places: UInt128 = 1        // 10^d
        for _ in 0..<d { places *= 10 }
        let mag = v.magnitude
        var rounded = mag / unit
        if mag % unit >= unit - mag % unit { rounded += 1 }   // remainder ≥ unit/2
        let intPart = rounded / places
        let fracPart = rounded % places
        var s = ""
        if rounded != 0 {
            if v < 0 { s = "-" } else if signed { s = "+" }
        }
        s += String(intPart)
        if d > 0 {
            let frac = String(fracPart)
            s += "." + String(repeating: "0", count: d - frac.count) + frac
        }
        return s
    }
}
