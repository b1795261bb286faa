/// A fully connected layer y = x·W + b, with W stored inputs×outputs inside
/// one flat parameter vector (so the optimizer and the saved file see a
/// single array).
public struct DenseLayer: Sendable, Equatable, Codable {
    public let inputs: Int
    public let outputs: Int
    /// Where W starts in the parameter vector; b follows it.
    public let offset: Int

    public init(inputs: Int, outputs: Int, offset: Int) {
        self.inputs = inputs
        self.outputs = outputs
        self.offset = offset
    }

    public var weightCount: Int { inputs * outputs }
    public var parameterCount: Int { weightCount + outputs }
    public var biasOffset: Int { offset + weightCount }
    public var end: Int { offset + parameterCount }

    /// y (rows×outputs) = x (rows×inputs)·W + b.
    /// Bounds (here and in `backward`): x and dx hold rows·inputs floats, y and dy rows·outputs, and
    /// the parameter vector p (and gradient g) at least `end` = offset + inputs·outputs + outputs,
    /// which the network's layout guarantees (its parameter count is at least every layer's end).
    @inline(__always)
    public func forward(
        _ x: UnsafePointer<Float>, rows: Int, parameters p: UnsafePointer<Float>,
        into y: UnsafeMutablePointer<Float>
    ) {
        let bias = p + biasOffset
        for r in 0..<rows { (y + r * outputs).update(from: bias, count: outputs) }
        MatrixProduct.multiply(x, p + offset, into: y, m: rows, n: outputs, k: inputs, accumulate: true)
    }

    /// Given dL/dy, adds dL/dW and dL/db to `gradient` and, when `dx` is given,
    /// writes dL/dx (rows×inputs).
    @inline(__always)
    public func backward(
        _ x: UnsafePointer<Float>, _ dy: UnsafePointer<Float>, rows: Int,
        parameters p: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>,
        dx: UnsafeMutablePointer<Float>?
    ) {
        MatrixProduct.multiply(
            x, transposeA: true, dy, into: g + offset, m: inputs, n: outputs, k: rows, accumulate: true)
        let db = g + biasOffset
        for r in 0..<rows {
            let row = dy + r * outputs
            for j in 0..<outputs { db[j] += row[j] }
        }
        if let dx {
            MatrixProduct.multiply(dy, p + offset, transposeB: true, into: dx, m: rows, n: inputs, k: outputs)
        }
    }

    /// He-uniform weights for a ReLU layer (scale √(6/inputs)); a smaller
    /// uniform ±1/√inputs for a linear output layer. Biases start at zero.
    public func initialize(_ p: inout [Float], relu: Bool, generator: inout NeuralRandom) {
        let bound = relu ? (6.0 / Double(inputs)).squareRoot() : 1 / Double(inputs).squareRoot()
        for i in offset..<biasOffset { p[i] = Float(generator.uniform(-bound, bound)) }
        for i in biasOffset..<end { p[i] = 0 }
    }
}

/// ReLU in place, and its backward pass (zeroes the gradient where the unit was off).
public enum ReLU {
    /// Bounds: x (and, in `backward`, a and g) hold `count` floats.
    @inline(__always)
    public static func apply(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count where x[i] < 0 { x[i] = 0 }
    }

    @inline(__always)
    public static func backward(activation a: UnsafePointer<Float>, gradient g: UnsafeMutablePointer<Float>, count: Int)
    {
        for i in 0..<count where a[i] <= 0 { g[i] = 0 }
    }
}
