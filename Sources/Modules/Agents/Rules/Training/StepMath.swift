/// The arithmetic of training and inference, written once for the trainer, the verifier and
/// the chain's own re-execution. Sums run in a fixed order (outputs, then inputs ascending)
/// and wrap; every intermediate a later step divides or exponentiates is clamped to the
/// `Int32` range first. The loops read and write through buffer pointers whose sizes the
/// callers check against the model's shape (`TrainingRun.replay`, `TrainingRun.predict`).
enum StepMath {
    /// Scratch space for one model, allocated once and reused across samples.
    final class Scratch {
        let hidden: UnsafeMutableBufferPointer<Int64>
        let active: UnsafeMutableBufferPointer<Bool>
        let logits: UnsafeMutableBufferPointer<Int64>
        let probabilities: UnsafeMutableBufferPointer<Int64>
        /// The gradient reaching each hidden unit, during the backward pass.
        let back: UnsafeMutableBufferPointer<Int64>

        init(_ model: ModelSpec) {
            func zeros<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(count, 1))
                buffer.initialize(repeating: value)
                return buffer
            }
            hidden = zeros(model.hidden, 0)
            active = zeros(model.hidden, false)
            logits = zeros(model.classes, 0)
            probabilities = zeros(model.classes, 0)
            back = zeros(model.hidden, 0)
        }

        deinit {
            hidden.deallocate(); active.deallocate(); logits.deallocate(); probabilities.deallocate(); back.deallocate()
        }
    }

    typealias Weights = UnsafeBufferPointer<Int32>
    typealias Input = UnsafeBufferPointer<Int32>

    /// The class probabilities of one sample, left in `scratch.probabilities` (Q16).
    static func forward(_ model: ModelSpec, _ w: Weights, _ x: Input, _ scratch: Scratch) {
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
        softmax(model.classes, scratch)
    }

    /// Runs one sample forward and adds its gradient, as raw Q32 products, to `gradient`;
    /// returns its loss, −ln p(label), in Q16.
    static func accumulate(_ model: ModelSpec, _ w: Weights, _ x: Input, label: Int, _ gradient: UnsafeMutableBufferPointer<Int64>,
                           _ scratch: Scratch) -> Int64 {
        forward(model, w, x, scratch)
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
            for k in 0..<h { scratch.back[k] = 0 }
            for j in 0..<model.classes {
                let g = outputGradient(scratch, j, label)
                let row = second + j * (h + 1)
                for k in 0..<h {
                    gradient[row + k] &+= g &* scratch.hidden[k]
                    scratch.back[k] &+= Int64(w[row + k]) &* g
                }
                gradient[row + h] &+= g << FixedPoint.fractionBits
            }
            for k in 0..<h where scratch.active[k] {
                let g = clamp(scratch.back[k] >> FixedPoint.fractionBits)
                let row = k * (d + 1)
                for i in 0..<d { gradient[row + i] &+= g &* Int64(x[i]) }
                gradient[row + d] &+= g << FixedPoint.fractionBits
            }
        }
        return loss
    }

    /// One step of SGD with momentum from a batch's summed gradient:
    /// v ← μ·v + g/B, w ← w − η·v, both stored clamped.
    static func update(_ checkpoint: inout Checkpoint, gradient: UnsafeMutableBufferPointer<Int64>, batch: Int64, learningRate: Int64, momentum: Int64) {
        checkpoint.weights.withUnsafeMutableBufferPointer { weights in
            checkpoint.velocity.withUnsafeMutableBufferPointer { velocity in
                for p in gradient.indices {
                    let g = (gradient[p] >> FixedPoint.fractionBits) / batch
                    let v = FixedPoint.clamp32(FixedPoint.mul(momentum, Int64(velocity[p])) &+ g)
                    velocity[p] = v
                    weights[p] = FixedPoint.clamp32(Int64(weights[p]) &- FixedPoint.mul(learningRate, Int64(v)))
                }
            }
        }
        checkpoint.step &+= 1
    }

    @inline(__always)
    private static func affine(_ w: Weights, row: Int, _ x: Input, count: Int) -> Int64 {
        var sum: Int64 = 0
        for i in 0..<count { sum &+= Int64(w[row + i]) &* Int64(x[i]) }
        return clamp((sum >> FixedPoint.fractionBits) &+ Int64(w[row + count]))
    }

    @inline(__always)
    private static func outputGradient(_ scratch: Scratch, _ j: Int, _ label: Int) -> Int64 {
        scratch.probabilities[j] - (j == label ? FixedPoint.one : 0)
    }

    /// pⱼ = e^(lⱼ − max l) / Σ e^(l − max l); the sum is at least 1.0, so never 0.
    private static func softmax(_ classes: Int, _ scratch: Scratch) {
        var top = scratch.logits[0]
        for j in 1..<classes where scratch.logits[j] > top { top = scratch.logits[j] }
        var sum: Int64 = 0
        for j in 0..<classes {
            let e = FixedPoint.exp(scratch.logits[j] - top)
            scratch.probabilities[j] = e
            sum += e
        }
        for j in 0..<classes { scratch.probabilities[j] = (scratch.probabilities[j] << FixedPoint.fractionBits) / sum }
    }

    @inline(__always)
    private static func clamp(_ value: Int64) -> Int64 { Int64(FixedPoint.clamp32(value)) }
}
