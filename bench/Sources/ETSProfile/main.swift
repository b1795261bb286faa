import AlmanacCore
import Forecasting
// ETSProfile FILE PERIOD [key=value ...]: fits ets (with those parameters) to each
// series of a long CSV (id,t,y) and reports time and evaluations per series.
import Foundation
import TimeSeries

let args = CommandLine.arguments
guard args.count >= 3, let period = Int(args[2]) else {
    print("usage: ETSProfile FILE PERIOD [key=value ...]")
    exit(2)
}
let text = try String(contentsOfFile: args[1], encoding: .utf8)
var order: [String] = []
var values: [String: [Double]] = [:]
for line in text.split(whereSeparator: \.isNewline).dropFirst() {
    let cells = line.split(separator: ",")
    let id = String(cells[0])
    if values[id] == nil { order.append(id) }
    values[id, default: []].append(Double(cells[2])!)
}
var parameters: [String: ParameterValue] = [:]
for pair in args.dropFirst(3) {
    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { print("expected key=value, got \(pair)"); exit(2) }
    switch parts[1] {
    case "true": parameters[parts[0]] = .boolean(true)
    case "false": parameters[parts[0]] = .boolean(false)
    default: parameters[parts[0]] = Double(parts[1]).map(ParameterValue.number) ?? .string(parts[1])
    }
}
let forecaster = try ModelCatalog.definition(named: "ets")!.configure(parameters)
let start = Date()
var evaluations = 0, fits = 0
for id in order {
    let s = Series(name: id, values: values[id]!, seasonalPeriod: period)
    let fit = try forecaster.fit(ModelData(series: s))
    evaluations += fit.statistics.evaluations ?? 0
    fits += 1
}
let elapsed = Date().timeIntervalSince(start)
print(
    String(
        format: "%d series, %.1f ms/series, %d evaluations per series (all candidates)",
        fits, 1000 * elapsed / Double(fits), evaluations / max(fits, 1)))
