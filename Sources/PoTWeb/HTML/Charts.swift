import PoTCore

/// Inline SVG charts. Colours come from the style sheet (classes), so pages need no inline style.
package enum Charts {
    /// A column per point, scaled to the largest value; each column carries a tooltip and is at
    /// least `minimumColumn` high, so that a point of value 0 still shows where it is.
    package static func columns(_ points: [(label: String, value: Double, tooltip: String, kind: String)], caption: String,
                        unit: String) -> HTML {
        guard !points.isEmpty else { return "<p class=\"empty\">nothing to chart yet</p>" }
        let width = 800.0, height = 180.0, left = 48.0, bottom = 20.0, top = 8.0
        let top_ = points.map(\.value).max() ?? 0
        let scale = top_ > 0 ? top_ : 1
        let slot = (width - left) / Double(points.count)
        let barWidth = min(max(1, slot * 0.8), 40)
        var bars: [HTML] = []
        for (i, p) in points.enumerated() {
            let h = (height - bottom - top) * p.value / scale
            let x = left + Double(i) * slot + (slot - barWidth) / 2
            let y = height - bottom - h
            bars.append("<rect class=\"col \(p.kind)\" x=\"\(f(x))\" y=\"\(f(min(y, height - bottom - minimumColumn)))\" width=\"\(f(barWidth))\" height=\"\(f(max(h, minimumColumn)))\"><title>\(p.tooltip)</title></rect>")
        }
        let first = points.first!.label, last = points.last!.label
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(caption)">
        <line class="axis" x1="\(f(left))" y1="\(f(height - bottom))" x2="\(f(width))" y2="\(f(height - bottom))"/>
        <line class="axis" x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(height - bottom))"/>
        <text class="tick" x="\(f(left - 4))" y="\(f(top + 10))" text-anchor="end">\(String(format4(top_)))</text>
        <text class="tick" x="\(f(left - 4))" y="\(f(height - bottom))" text-anchor="end">0</text>
        <text class="tick" x="\(f(left))" y="\(f(height - 4))">\(first)</text>
        <text class="tick" x="\(f(width))" y="\(f(height - 4))" text-anchor="end">\(last)</text>
        \(bars)
        </svg>
        <figcaption>\(caption) (\(unit))</figcaption>
        </figure>
        """
    }

    /// The range of values a step chart spans: from a little below the lowest to a little above
    /// the highest value (never below 0), so that changes small beside the values still show.
    package static func valueRange(_ values: [UInt64]) -> (low: UInt64, high: UInt64) {
        let lowest = values.min() ?? 0, highest = values.max() ?? 0
        let margin = max(1, (highest - lowest) / 10)
        let (high, overflow) = highest.addingReportingOverflow(margin)
        return (lowest > margin ? lowest - margin : 0, overflow ? .max : high)
    }

    package static let minimumColumn = 3.0

    /// A step line through (x, y) points: each value holds until the next point. The value axis
    /// spans `valueRange` of the points, its ends labelled.
    package static func steps(_ points: [(x: UInt64, y: UInt64)], through lastX: UInt64, caption: String) -> HTML {
        guard let firstPoint = points.first else { return "<p class=\"empty\">no history</p>" }
        let width = 800.0, height = 180.0, left = 64.0, bottom = 20.0, top = 8.0
        let minX = Double(firstPoint.x), maxX = Double(max(lastX, points.last!.x, firstPoint.x + 1))
        let range = valueRange(points.map(\.y))
        let lowY = Double(range.low), highY = Double(range.high)
        func px(_ x: Double) -> Double { left + (width - left) * (x - minX) / (maxX - minX) }
        func py(_ y: Double) -> Double { height - bottom - (height - bottom - top) * (y - lowY) / (highY - lowY) }
        var coordinates: [String] = []
        var previousY: Double?
        for p in points {
            if let previousY { coordinates.append("\(f(px(Double(p.x)))),\(f(py(previousY)))") }
            coordinates.append("\(f(px(Double(p.x)))),\(f(py(Double(p.y))))")
            previousY = Double(p.y)
        }
        coordinates.append("\(f(px(maxX))),\(f(py(previousY!)))")
        let dots = points.map { p -> HTML in
            "<circle class=\"dot\" cx=\"\(f(px(Double(p.x))))\" cy=\"\(f(py(Double(p.y))))\" r=\"3\"><title>height \(p.x): \(Figures.grouped(p.y)) mT</title></circle>"
        }
        return """
        <figure class="chart">
        <svg viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(caption)">
        <line class="axis" x1="\(f(left))" y1="\(f(height - bottom))" x2="\(f(width))" y2="\(f(height - bottom))"/>
        <line class="axis" x1="\(f(left))" y1="\(f(top))" x2="\(f(left))" y2="\(f(height - bottom))"/>
        <text class="tick" x="\(f(left - 4))" y="\(f(top + 10))" text-anchor="end">\(Figures.grouped(range.high))</text>
        <text class="tick" x="\(f(left - 4))" y="\(f(height - bottom))" text-anchor="end">\(Figures.grouped(range.low))</text>
        <text class="tick" x="\(f(left))" y="\(f(height - 4))">h \(String(firstPoint.x))</text>
        <text class="tick" x="\(f(width))" y="\(f(height - 4))" text-anchor="end">h \(String(UInt64(maxX)))</text>
        <polyline class="line" points="\(coordinates.joined(separator: " "))"/>
        \(dots)
        </svg>
        <figcaption>\(caption)</figcaption>
        </figure>
        """
    }

    /// One horizontal bar split into segments (a probability distribution); fractions sum to 1.
    package static func distribution(_ segments: [(fraction: Double, kind: String, title: String)], label: String) -> HTML {
        var x = 0.0
        var rects: [HTML] = []
        for s in segments where s.fraction > 0 {
            let w = 1000 * s.fraction
            rects.append("<rect class=\"seg \(s.kind)\" x=\"\(f(x))\" y=\"0\" width=\"\(f(w))\" height=\"14\"><title>\(s.title)</title></rect>")
            x += w
        }
        return "<svg class=\"dist\" viewBox=\"0 0 1000 14\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(label)\">\(rects)</svg>"
    }

    /// A single bar filled to `fraction` of its length.
    package static func meter(_ fraction: Double, kind: String, title: String) -> HTML {
        let w = 1000 * min(max(fraction, 0), 1)
        return "<svg class=\"meter\" viewBox=\"0 0 1000 14\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(title)\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"1000\" height=\"14\"/><rect class=\"seg \(kind)\" x=\"0\" y=\"0\" width=\"\(f(w))\" height=\"14\"><title>\(title)</title></rect></svg>"
    }

    /// The colour class of the i-th candidate.
    package static func candidateClass(_ index: Int) -> String { "c\(index % 8)" }

    private static func f(_ v: Double) -> String {
        let rounded = (v * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func format4(_ v: Double) -> String {
        let scaled = Int((v * 10_000).rounded())
        let whole = scaled / 10_000, frac = scaled % 10_000
        let digits = String(frac)
        return "\(whole).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }
}
