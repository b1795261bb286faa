import Testing
import TimeSeries

@testable import Forecasting

@Suite struct SmokeTests {
    @Test func etsFitsAirPassengers() throws {
        let y: [Double] = [
            112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158,
            133, 114, 140, 145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166, 171, 180, 193, 181, 183, 218,
            230, 242, 209, 191, 172, 194,
        ]
        let s = Series(values: y, seasonalPeriod: 12)
        let model = try ModelCatalog.definition(named: "ets")!.configure([:]).fit(ModelData(series: s))
        #expect(model.statistics.aicc != nil)
    }
}
