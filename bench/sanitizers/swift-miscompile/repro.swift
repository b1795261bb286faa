struct S {
    var values: [Double]
    var start: Int
    func slice(_ r: Range<Int>) -> S { var s = self; s.values = Array(values[r]); s.start += r.lowerBound; return s }
    func with(values: [Double]) -> S { var s = self; s.values = values; return s }
    func differenced(lag: Int, differences: Int) -> S {
        var s = self
        for _ in 0..<differences {
            let v = s.values
            s = s.slice(lag..<s.count).with(values: (lag..<v.count).map { v[$0] - v[$0 - lag] })
        }
        return s
    }
    var count: Int { values.count }
}
@inline(never) func run(_ n: Int) -> Double {
    let s = S(values: (0..<n).map { Double($0 % 17) }, start: 0)
    return s.differenced(lag: 12, differences: 1).values.reduce(0, +)
}
var t = 0.0
for i in 0..<2000 { t += run(150 + i % 40) }
print(t)
