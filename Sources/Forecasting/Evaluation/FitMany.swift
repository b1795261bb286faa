import Foundation
import TimeSeries

/// Fits one model to every series of a panel on all cores. A series whose
/// fit fails gets the fallback model, and the failure is recorded with its
/// reason; nothing fails silently.
public enum FitMany {
    public struct Outcome: Sendable {
        public var key: String
        /// The fit, from the requested model or the fallback; nil if both failed.
        public var model: (any FittedModel)?
        /// Why the requested model failed (nil when it succeeded).
        public var failure: String?
        /// The fallback's name when it was used.
        public var fallbackUsed: String?
    }

    public static func run(_ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
                           fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil,
                           training: TrainingProgress? = nil) -> [Outcome] {
        if forecaster.learnsAcrossSeries {
            return together(items, forecaster: forecaster, fallback: fallback, threads: threads, progress: progress, training: training)
        }
        let jobs = items.map { Job(key: $0.key, data: $0.data) }
        return ParallelMap.run(count: jobs.count, threads: threads, progress: progress) { i in
            let job = jobs[i]
            var outcome = Outcome(key: job.key, model: nil, failure: nil, fallbackUsed: nil)
            do {
                outcome.model = try forecaster.fit(job.data)
            } catch {
                outcome.failure = (error as? ForecastError)?.message ?? "\(error)"
                if let fallback {
                    do {
                        outcome.model = try fallback.forecaster.fit(job.data)
                        outcome.fallbackUsed = fallback.name
                    } catch {
                        outcome.failure! += "; the fallback \(fallback.name) failed too: \((error as? ForecastError)?.message ?? "\(error)")"
                    }
                }
            }
            return outcome
        }
    }

    /// A global model: trained once on every series; series it cannot serve get the fallback.
    private static func together(_ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
                                 fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
                                 progress: (@Sendable (Int) -> Void)?, training: TrainingProgress?) -> [Outcome] {
        let members: [PanelMember]
        do {
            members = try forecaster.fitTogether(items.map(\.data), threads: threads, progress: training)
                ?? items.map { _ in PanelMember(model: nil, failure: "the model cannot fit series together") }
        } catch {
            members = items.map { _ in PanelMember(model: nil, failure: error.message) }
        }
        var outcomes: [Outcome] = []
        for (i, item) in items.enumerated() {
            var outcome = Outcome(key: item.key, model: members[i].model, failure: members[i].failure, fallbackUsed: nil)
            if outcome.model == nil {
                if outcome.failure == nil { outcome.failure = "no model" }
                if let fallback {
                    do {
                        outcome.model = try fallback.forecaster.fit(item.data)
                        outcome.fallbackUsed = fallback.name
                    } catch {
                        outcome.failure = (outcome.failure ?? "") + "; the fallback \(fallback.name) failed too: \(error.message)"
                    }
                }
            }
            outcomes.append(outcome)
            progress?(i + 1)
        }
        return outcomes
    }

    private struct Job: Sendable {
        let key: String
        let data: ModelData
    }
}
