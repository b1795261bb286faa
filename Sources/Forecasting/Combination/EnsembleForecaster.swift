import AlmanacCore
import TimeSeries

/// A forecast combination: every member model is fitted to the series and
/// their forecasts are averaged (or their median taken) step by step, as in
/// Petropoulos & Svetunkov's simple combination of ETS, ARIMA, CES and DOTM.
/// A member that fails is left out with a note; the ensemble fails only when
/// every member does.
struct EnsembleForecaster: Forecaster {
    enum Combine: String, CaseIterable, Sendable { case mean, median }

    struct Member: Sendable {
        let name: String
        let forecaster: any Forecaster
    }

    let members: [Member]
    let combine: Combine

    func fit(_ data: ModelData) throws(ForecastError) -> any FittedModel {
        try combined(
            members.map { member -> Result<any FittedModel, ForecastError> in
                do throws(ForecastError) { return .success(try member.forecaster.fit(data)) } catch {
                    return .failure(error)
                }
            }, series: data.series)
    }

    /// One series' combination from its members' fits (results in member order): a member
    /// that failed is left out with a note; every member failing is the ensemble's failure.
    func combined(_ results: [Result<any FittedModel, ForecastError>], series: Series) throws(ForecastError)
        -> EnsembleFit
    {
        var fits: [any FittedModel] = [], failures: [String] = []
        for (member, result) in zip(members, results) {
            switch result {
            case .success(let model): fits.append(model)
            case .failure(let error): failures.append("\(member.name): \(error.message)")
            }
        }
        guard !fits.isEmpty else {
            throw ForecastError(
                "ensemble: every member failed on \(series.describedName) — " + failures.joined(separator: "; "))
        }
        let notes = failures.isEmpty ? [] : ["left out of the combination: " + failures.joined(separator: "; ")]
        return EnsembleFit(series: series, members: fits, combine: combine, notes: notes)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard case .array(let saved)? = state["members"] else {
            throw ForecastError("ensemble: the saved state has no members")
        }
        var fits: [any FittedModel] = []
        for entry in saved {
            guard case .string(let name)? = entry["model"], let member = members.first(where: { $0.name == name }),
                let memberState = entry["state"]
            else {
                throw ForecastError(
                    "ensemble: a saved member is not one of \(members.map(\.name).joined(separator: ", "))")
            }
            fits.append(try member.forecaster.restore(data, state: memberState))
        }
        guard !fits.isEmpty else { throw ForecastError("ensemble: the saved state has no members") }
        let notes = state["notes"]?.strings ?? []
        return EnsembleFit(series: data.series, members: fits, combine: combine, notes: notes)
    }
}
