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
        var fits: [any FittedModel] = [], notes: [String] = [], failures: [String] = []
        for member in members {
            do { fits.append(try member.forecaster.fit(data)) } catch {
                failures.append("\(member.name): \(error.message)")
            }
        }
        guard !fits.isEmpty else {
            throw ForecastError("ensemble: every member failed on \(data.series.describedName) — " + failures.joined(separator: "; "))
        }
        if !failures.isEmpty {
            notes.append("left out of the combination: " + failures.joined(separator: "; "))
        }
        return EnsembleFit(series: data.series, members: fits, combine: combine, notes: notes)
    }

    func restore(_ data: ModelData, state: JSONValue) throws(ForecastError) -> any FittedModel {
        guard case .array(let saved)? = state["members"] else {
            throw ForecastError("ensemble: the saved state has no members")
        }
        var fits: [any FittedModel] = []
        for entry in saved {
            guard case .string(let name)? = entry["model"], let member = members.first(where: { $0.name == name }),
                  let memberState = entry["state"] else {
                throw ForecastError("ensemble: a saved member is not one of \(members.map(\.name).joined(separator: ", "))")
            }
            fits.append(try member.forecaster.restore(data, state: memberState))
        }
        guard !fits.isEmpty else { throw ForecastError("ensemble: the saved state has no members") }
        let notes = state["notes"]?.strings ?? []
        return EnsembleFit(series: data.series, members: fits, combine: combine, notes: notes)
    }
}
