import Foundation
import TimeSeries

/// Fits one model to every series of a panel on all cores. A series whose
/// fit fails gets the fallback model, and the failure is recorded with its
/// reason; nothing fails silently.
public enum FitMany {
    /// One series' result.
    public struct Outcome: Sendable {
        /// The series' key in the panel.
        public var key: String
        /// The fit, from the requested model or the fallback; nil if both failed.
        public var model: (any FittedModel)?
        /// Why the requested model failed (nil when it succeeded).
        public var failure: String?
        /// The fallback's name when it was used.
        public var fallbackUsed: String?
    }

    /// Throws only a model-wide error (ForecastError.isModelWide) of a global model.
    public static func run(_ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
                           fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil,
                           training: TrainingProgress? = nil) throws(ForecastError) -> [Outcome] {
        if forecaster.learnsAcrossSeries {
            return try together(items, forecaster: forecaster, fallback: fallback, threads: threads, progress: progress, training: training)
        }
        let jobs = items.map { Job(key: $0.key, data: $0.data) }
        return ParallelMap.run(count: jobs.count, threads: threads, progress: progress) { i in
            let job = jobs[i]
            do {
                return Outcome(key: job.key, model: try forecaster.fit(job.data), failure: nil, fallbackUsed: nil)
            } catch {
                return fellBack(job, failure: (error as? ForecastError)?.message ?? "\(error)", fallback: fallback)
            }
        }
    }

    /// A global model: trained once on every series; series it cannot serve get the fallback.
    private static func together(_ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
                                 fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
                                 progress: (@Sendable (Int) -> Void)?, training: TrainingProgress?) throws(ForecastError) -> [Outcome] {
        let members: [PanelMember]
        do {
            members = try forecaster.fitTogether(items.map(\.data), threads: threads, progress: training)
                ?? items.map { _ in PanelMember(model: nil, failure: "the model cannot fit series together") }
        } catch {
            // A misconfigured model would otherwise hand every series to the fallback, hiding the mistake.
            if error.isModelWide { throw error }
            members = items.map { _ in PanelMember(model: nil, failure: error.message) }
        }
        let jobs = items.map { Job(key: $0.key, data: $0.data) }
        return ParallelMap.run(count: jobs.count, threads: threads, progress: progress) { i in
            if let model = members[i].model {
                return Outcome(key: jobs[i].key, model: model, failure: nil, fallbackUsed: nil)
            }
            return fellBack(jobs[i], failure: members[i].failure ?? "no model", fallback: fallback)
        }
    }

    /// The fallback's fit for a series the model could not serve, keeping why it failed.
    private static func fellBack(_ job: Job, failure: String, fallback: (name: String, forecaster: any Forecaster)?) -> Outcome {
        var outcome = Outcome(key: job.key, model: nil, failure: failure, fallbackUsed: nil)
        guard let fallback else { return outcome }
        do {
            outcome.model = try fallback.forecaster.fit(job.data)
            outcome.fallbackUsed = fallback.name
        } catch {
            outcome.failure = failure + "; the fallback \(fallback.name) failed too: \(error.message)"
        }
        return outcome
    }

    private struct Job: Sendable {
        let key: String
        let data: ModelData
    }
}
