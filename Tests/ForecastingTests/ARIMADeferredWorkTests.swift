import Foundation
import Testing
import TimeSeries

@testable import Forecasting

/// The work auto_arima's search defers or moves (the Hessian and the final
/// filtering pass of candidates, the refit under optimizer = "almanac")
/// gives what the eager computation gives.
@Suite struct ARIMADeferredWorkTests {
    @Test(arguments: [ARIMAInitialization.autocovariance, .differenced])
    func deferredCovarianceAndFinalPassEqualTheEagerOnes(_ initialization: ARIMAInitialization) throws {
        let y = ARIMAReference.airPassengers.values.map { log($0) }
        let order = ARIMAOrder(p: 1, d: 1, q: 1, P: 0, D: 1, Q: 1, period: 12)
        var estimator = ARIMAEstimator()
        estimator.initialization = initialization
        let problem = ARIMAEstimator.Problem(y: y, order: order)
        let eager = try estimator.estimate(problem)
        let deferred = try estimator.estimate(problem, deferringCovariance: true)
        let pending = try #require(deferred.pending)
        #expect(deferred.estimate.covariance == nil && deferred.estimate.residuals.isEmpty)
        var completed = deferred.estimate
        try estimator.complete(&completed, pending: pending, problem: problem)
        #expect(completed == eager)
    }

    @Test func almanacOptimizerRefitsTheChosenOrderAsArimaDoes() throws {
        let air = ARIMAReference.airPassengers
        let auto = try #require(ModelCatalog.definition(named: "auto_arima"))
            .configure(["optimizer": .string("almanac")]).fit(ModelData(series: air))
        let fast = try #require(ModelCatalog.definition(named: "auto_arima")).configure([:]).fit(ModelData(series: air))
        #expect(auto.method == fast.method)
        // AirPassengers: ARIMA(2,1,1)(0,1,0)[12], as R.
        let arima = try #require(ModelCatalog.definition(named: "arima")).configure([
            "order": .numbers([2, 1, 1]), "seasonal": .numbers([0, 1, 0]),
        ]).fit(ModelData(series: air))
        #expect(auto.method == arima.method)
        #expect(auto.parameters.map(\.value) == arima.parameters.map(\.value))
        #expect(fast.parameters.map(\.value) != arima.parameters.map(\.value))
    }
}
