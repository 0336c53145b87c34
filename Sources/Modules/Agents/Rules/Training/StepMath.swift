/// The arithmetic of training and inference, written once for the trainer, the verifier and
/// the chain's own re-execution. Sums run in a fixed order (outputs, then inputs ascending)
/// and wrap; every intermediate a later step divides or exponentiates is clamped to the
/// `Int32` range first.
enum StepMath {
    /// Scratch space for one model, reused across samples.
    struct Scratch {
        var hidden: [Int64]
        var active: [Bool]
        var logits: [Int64]
        var probabilities: [Int64]

        init(_ model: ModelSpec) {
            hidden = Array(repeating: 0, count: model.hidden)
            active = Array(repeating: false, count: model.hidden)
            logits = Array(repeating: 0, count: model.classes)
            probabilities = Array(repeating: 0, count: model.classes)
        }
    }

    /// The class probabilities of one sample, left in `scratch.probabilities` (Q16).
    static func forward(_ model: ModelSpec, _ w: [Int32], _ x: [Int32], _ scratch: inout Scratch) {
        let d = model.features
        switch model.kind {
        case .softmax:
            for j in 0..<model.classes {
                scratch.logits[j] = affine(w, row: j * (d + 1), x, count: d)
            }
        case .perceptron:
            let h = model.hidden
            for k in 0..<h {
                let pre = affine(w, row: k * (d + 1), x, count: d)
                scratch.active[k] = pre > 0
                scratch.hidden[k] = pre > 0 ? pre : 0
            }
            let second = h * (d + 1)
            for j in 0..<model.classes {
                let row = second + j * (h + 1)
                var sum: Int64 = 0
                for k in 0..<h { sum &+= Int64(w[row + k]) &* scratch.hidden[k] }
                scratch.logits[j] = clamp((sum >> FixedPoint.fractionBits) &+ Int64(w[row + h]))
            }
        }
        softmax(&scratch)
    }

    /// Runs one sample forward and adds its gradient, as raw Q32 products, to `gradient`;
    /// returns its loss, −ln p(label), in Q16.
    static func accumulate(_ model: ModelSpec, _ w: [Int32], _ x: [Int32], label: Int, _ gradient: inout [Int64], _ scratch: inout Scratch) -> Int64 {
        forward(model, w, x, &scratch)
        let d = model.features
        let loss = -FixedPoint.ln(scratch.probabilities[label])
        switch model.kind {
        case .softmax:
            for j in 0..<model.classes {
                let g = outputGradient(scratch, j, label)
                let row = j * (d + 1)
                for i in 0..<d { gradient[row + i] &+= g &* Int64(x[i]) }
                gradient[row + d] &+= g << FixedPoint.fractionBits
            }
        case .perceptron:
            let h = model.hidden
            let second = h * (d + 1)
            var back = [Int64](repeating: 0, count: h)
            for j in 0..<model.classes {
                let g = outputGradient(scratch, j, label)
                let row = second + j * (h + 1)
                for k in 0..<h {
                    gradient[row + k] &+= g &* scratch.hidden[k]
                    back[k] &+= Int64(w[row + k]) &* g
                }
                gradient[row + h] &+= g << FixedPoint.fractionBits
            }
            for k in 0..<h where scratch.active[k] {
                let g = clamp(back[k] >> FixedPoint.fractionBits)
                let row = k * (d + 1)
                for i in 0..<d { gradient[row + i] &+= g &* Int64(x[i]) }
                gradient[row + d] &+= g << FixedPoint.fractionBits
            }
        }
        return loss
    }

    /// One step of SGD with momentum from a batch's summed gradient:
    /// v ← μ·v + g/B, w ← w − η·v, both stored clamped.
    static func update(_ checkpoint: inout Checkpoint, gradient: [Int64], batch: Int64, learningRate: Int64, momentum: Int64) {
        for p in gradient.indices {
            let g = (gradient[p] >> FixedPoint.fractionBits) / batch
            let v = FixedPoint.clamp32(FixedPoint.mul(momentum, Int64(checkpoint.velocity[p])) &+ g)
            checkpoint.velocity[p] = v
            checkpoint.weights[p] = FixedPoint.clamp32(Int64(checkpoint.weights[p]) &- FixedPoint.mul(learningRate, Int64(v)))
        }
        checkpoint.step &+= 1
    }

    private static func affine(_ w: [Int32], row: Int, _ x: [Int32], count: Int) -> Int64 {
        var sum: Int64 = 0
        for i in 0..<count { sum &+= Int64(w[row + i]) &* Int64(x[i]) }
        return clamp((sum >> FixedPoint.fractionBits) &+ Int64(w[row + count]))
    }

    private static func outputGradient(_ scratch: Scratch, _ j: Int, _ label: Int) -> Int64 {
        scratch.probabilities[j] - (j == label ? FixedPoint.one : 0)
    }

    /// pⱼ = e^(lⱼ − max l) / Σ e^(l − max l); the sum is at least 1.0, so never 0.
    private static func softmax(_ scratch: inout Scratch) {
        let top = scratch.logits.max() ?? 0
        var sum: Int64 = 0
        for j in scratch.logits.indices {
            let e = FixedPoint.exp(scratch.logits[j] - top)
            scratch.probabilities[j] = e
            sum += e
        }
        for j in scratch.probabilities.indices { scratch.probabilities[j] = (scratch.probabilities[j] << FixedPoint.fractionBits) / sum }
    }

    @inline(__always)
    private static func clamp(_ value: Int64) -> Int64 { Int64(FixedPoint.clamp32(value)) }
}
