import Foundation
import PoTAgents

/// The same perceptron, optimiser and data order in `Float`: the baseline fixed-point training is
/// measured against. Starts from checkpoint 0 read as floats.
struct FloatTraining {
    let model: ModelSpec
    var weights: [Float]
    var velocity: [Float]
    let learningRate: Float, momentum: Float

    init(_ run: TrainingRun) {
        model = run.claim.model
        weights = run.initialCheckpoint().weights.map { Float($0) / 65_536 }
        velocity = Array(repeating: 0, count: weights.count)
        learningRate = Float(run.claim.learningRate) / 65_536
        momentum = Float(run.claim.momentum) / 65_536
    }

    /// One step over `rows` (features as floats, label).
    mutating func step(_ rows: [([Float], Int)]) -> Float {
        let d = model.features, h = model.hidden, c = model.classes
        var gradient = [Float](repeating: 0, count: weights.count)
        var hidden = [Float](repeating: 0, count: h), logits = [Float](repeating: 0, count: c), back = [Float](repeating: 0, count: h)
        var loss: Float = 0
        for (x, label) in rows {
            for k in 0..<h {
                var sum = weights[k * (d + 1) + d]
                for i in 0..<d { sum += weights[k * (d + 1) + i] * x[i] }
                hidden[k] = max(0, sum)
            }
            let second = h * (d + 1)
            for j in 0..<c {
                var sum = weights[second + j * (h + 1) + h]
                for k in 0..<h { sum += weights[second + j * (h + 1) + k] * hidden[k] }
                logits[j] = sum
            }
            let top = logits.max()!
            var total: Float = 0
            for j in 0..<c { logits[j] = expf(logits[j] - top); total += logits[j] }
            for k in 0..<h { back[k] = 0 }
            for j in 0..<c {
                let p = logits[j] / total
                if j == label { loss -= logf(max(p, 1e-7)) }
                let g = p - (j == label ? 1 : 0)
                let row = second + j * (h + 1)
                for k in 0..<h { gradient[row + k] += g * hidden[k]; back[k] += weights[row + k] * g }
                gradient[row + h] += g
            }
            for k in 0..<h where hidden[k] > 0 {
                let row = k * (d + 1)
                for i in 0..<d { gradient[row + i] += back[k] * x[i] }
                gradient[row + d] += back[k]
            }
        }
        let n = Float(rows.count)
        for p in weights.indices {
            velocity[p] = momentum * velocity[p] + gradient[p] / n
            weights[p] -= learningRate * velocity[p]
        }
        return loss / n
    }
}
