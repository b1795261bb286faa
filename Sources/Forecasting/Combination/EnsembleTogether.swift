extension EnsembleForecaster {
    /// An ensemble with a global member (nbeats) is fitted across the panel:
    /// each global member trains once on every series, the others fit series
    /// by series on all cores, and each series combines what it got.
    var learnsAcrossSeries: Bool { members.contains { $0.forecaster.learnsAcrossSeries } }
    /// A member written in Lua keeps the whole combination on the caller's thread.
    var runsOnCallingThread: Bool { members.contains { $0.forecaster.runsOnCallingThread } }

    func fitTogether(_ items: [ModelData], threads: Int, progress: TrainingProgress?) throws(ForecastError)
        -> [PanelMember]?
    {
        guard learnsAcrossSeries else { return nil }
        // fits[m][i]: member m's fit of series i, or why it failed.
        var fits: [[Result<any FittedModel, ForecastError>]] = []
        for member in members {
            if member.forecaster.learnsAcrossSeries {
                do {
                    let together = try member.forecaster.fitTogether(items, threads: threads, progress: progress) ?? []
                    fits.append(
                        items.indices.map { i in
                            if i < together.count, let model = together[i].model { return .success(model) }
                            return .failure(
                                ForecastError(i < together.count ? together[i].failure ?? "no model" : "no model"))
                        })
                } catch {
                    fits.append(items.map { _ in .failure(error) })
                }
            } else {
                let forecaster = member.forecaster
                fits.append(
                    ParallelMap.run(count: items.count, threads: forecaster.usableThreads(threads)) {
                        i -> Result<any FittedModel, ForecastError> in
                        do throws(ForecastError) { return .success(try forecaster.fit(items[i])) } catch {
                            return .failure(error)
                        }
                    })
            }
        }
        return items.indices.map { i in
            do throws(ForecastError) {
                return PanelMember(model: try combined(fits.map { $0[i] }, series: items[i].series))
            } catch {
                return PanelMember(model: nil, failure: error.message)
            }
        }
    }
}
