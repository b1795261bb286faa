/// Per-window scaling: a window's values are divided by the mean absolute
/// value of its present inputs, so one network serves series of any size.
/// An all-zero window (intermittent demand) falls back to the series' own
/// scale, then to 1.
public enum WindowScaling {
    /// Right-aligns `values[start..<end]` into `out` (lookback slots), zero-padding
    /// on the left and marking present slots in `mask`; returns the scale used.
    /// Bounds: needs 0 ≤ start ≤ end ≤ values.count and l ≥ 0; out and mask need l slots. Then
    /// count = end − from is in 0…l, values is read at from..<end, and the writes cover pad + count = l
    /// slots. (end < start would make pad exceed l; every caller passes start 0 and end ≥ 0.)
    @inline(__always)
    public static func fill(
        _ values: UnsafeBufferPointer<Float>, start: Int, end: Int, lookback l: Int,
        fallbackScale: Float, out: UnsafeMutablePointer<Float>, mask: UnsafeMutablePointer<Float>
    ) -> Float {
        let from = max(start, end - l)
        let count = end - from
        let pad = l - count
        var sum: Float = 0
        for i in 0..<count { sum += abs(values[from + i]) }
        var scale = count > 0 ? sum / Float(count) : 0
        if !(scale > 1e-6) { scale = fallbackScale > 1e-6 ? fallbackScale : 1 }
        let inverse = 1 / scale
        for i in 0..<pad { out[i] = 0; mask[i] = 0 }
        for i in 0..<count { out[pad + i] = values[from + i] * inverse; mask[pad + i] = 1 }
        return scale
    }

    /// The series-level fallback: mean absolute value, or 1 for an all-zero series.
    public static func seriesScale(_ values: [Float]) -> Float {
        guard !values.isEmpty else { return 1 }
        let s = values.reduce(Float(0)) { $0 + abs($1) } / Float(values.count)
        return s > 1e-6 ? s : 1
    }
}
