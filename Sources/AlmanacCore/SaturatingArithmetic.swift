/// Sizes computed from script arguments (a lag times a number of differences,
/// a horizon plus a window span) must never trap on overflow: a size past
/// Int's range is simply "more than any series or memory holds", so these
/// clamp at Int.max / Int.min and the caller's ordinary range check refuses it.
extension Int {
    /// self + other, clamped to Int's range.
    public func saturatingAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// self × other, clamped to Int's range.
    public func saturatingMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// The whole number x, or nil when x is not finite, not whole, or outside Int's range.
    public init?(wholeNumber x: Double) {
        guard x.isFinite, x == x.rounded() else { return nil }
        self.init(exactly: x)
    }
}
