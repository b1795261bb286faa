import AlmanacCore
import Forecasting
import LuaBridge
import TimeSeries

/// What forecast.accuracy and forecast.backtest return, declared once as
/// LuaRecordEncodable structs: the same field lists write the tables scripts
/// receive and type the stubs.
extension ForecastModule {
    /// The accuracy measures of one comparison (a forecast against actuals, or a backtest's pooled windows).
    struct Metrics: LuaRecordEncodable, LuaResultValue {
        var me = 0.0
        var mae = 0.0
        var rmse = 0.0
        var mape = 0.0
        var smape = 0.0
        var mase = 0.0
        var rmsse = 0.0
        var n = 0

        init(_ r: Accuracy.Report) {
            me = r.me
            mae = r.mae
            rmse = r.rmse
            mape = r.mape
            smape = r.smape
            mase = r.mase
            rmsse = r.rmsse
            n = r.count
        }

        static var recordName: String? { "forecast.Metrics" }
        static let fields: [LuaRecordField<Self>] = [
            .field(\.me), .field(\.mae), .field(\.rmse), .field(\.mape), .field(\.smape), .field(\.mase),
            .field(\.rmsse), .field(\.n),
        ]
    }

    /// The share of actuals inside each level's interval, keyed by the level as text ("95").
    struct Coverage: LuaResultValue {
        var shares: [Double: Double]

        static var luaType: LuaType { .map(key: .string, value: .number) }
        var luaValue: LuaValue {
            var r: [String: LuaValue] = [:]
            for (level, share) in shares { r[formatNumber(level)] = .number(share) }
            return .record(r)
        }
    }

    /// forecast.accuracy's result: the measures, with the coverage beside them.
    struct AccuracyResult: LuaRecordEncodable {
        var metrics: Metrics
        var coverage: Coverage

        static let fields: [LuaRecordField<Self>] =
            Metrics.fields.map { field in
                LuaRecordField(name: field.name, type: field.type, optional: field.optional, doc: field.doc) {
                    field.encode($0.metrics)
                }
            } + [.field(\.coverage, "share of actuals inside each level's interval, by level (\"95\")")]
    }

    /// One series' backtest: a series' result (with its forecasts) and each key's entry in a panel's `series`.
    struct SeriesBacktest: LuaRecordEncodable {
        var metrics: Metrics
        var maeByH: [Double]
        var coverage: Coverage
        var windows: Int
        /// A series' own result only.
        var forecasts: [Forecast]?

        init(_ s: Backtest.Summary, forecasts: Bool) {
            metrics = Metrics(s.metrics)
            maeByH = s.maeByHorizon
            coverage = Coverage(shares: s.coverage)
            windows = s.windows.count
            self.forecasts = forecasts ? s.windows.map(\.forecast) : nil
        }

        static var recordName: String? { "forecast.SeriesBacktest" }
        static let fields: [LuaRecordField<Self>] = [
            .field(\.metrics, "me, mae, rmse, mape, smape, mase, rmsse over all windows"),
            .field(\.maeByH, "MAE at each step ahead"),
            .field(\.coverage, "share of actuals inside each level's interval"),
            .field(\.windows, "how many origins"),
            .field(\.forecasts, "the forecast from each origin (a series' result)"),
        ]
    }
}

extension Forecast: LuaResultValue {
    var luaValue: LuaValue { .object(ForecastObject(self)) }
}
