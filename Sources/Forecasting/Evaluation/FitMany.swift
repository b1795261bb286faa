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
        /// An error that stops the run, met while fitting this series.
        var stop: ForecastError?
    }

    /// Throws only a model-wide error (ForecastError.isModelWide) of a global model, or an
    /// error that stops the run (ForecastError.stopsTheRun). A model or fallback that runs
    /// on its calling thread (a Lua model) is fitted series after series on this thread.
    public static func run(
        _ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
        fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
        progress: (@Sendable (Int) -> Void)? = nil,
        training: TrainingProgress? = nil
    ) throws(ForecastError) -> [Outcome] {
        if forecaster.learnsAcrossSeries {
            return try together(
                items, forecaster: forecaster, fallback: fallback, threads: threads, progress: progress,
                training: training)
        }
        let jobs = items.map { Job(key: $0.key, data: $0.data) }
        let fit: @Sendable (Int) -> Outcome = { i in
            let job = jobs[i]
            do throws(ForecastError) {
                return Outcome(key: job.key, model: try forecaster.fit(job.data), failure: nil, fallbackUsed: nil)
            } catch {
                return fellBack(job, failure: error, fallback: fallback)
            }
        }
        if confined(forecaster, fallback) { return try onCallingThread(count: jobs.count, progress: progress, fit) }
        return ParallelMap.run(count: jobs.count, threads: threads, progress: progress, fit)
    }

    /// Whether the model or its fallback must stay on the calling thread.
    private static func confined(_ forecaster: any Forecaster, _ fallback: (name: String, forecaster: any Forecaster)?)
        -> Bool
    {
        forecaster.runsOnCallingThread || fallback?.forecaster.runsOnCallingThread == true
    }

    /// `fit(i)` for each job in turn on this thread, ending at the first outcome that stops the run.
    private static func onCallingThread(
        count: Int, progress: (@Sendable (Int) -> Void)?,
        _ fit: (Int) -> Outcome
    ) throws(ForecastError) -> [Outcome] {
        var outcomes: [Outcome] = []
        for i in 0..<count {
            let outcome = fit(i)
            if let stop = outcome.stop { throw stop }
            outcomes.append(outcome)
            progress?(i + 1)
        }
        return outcomes
    }

    /// A global model: trained once on every series; series it cannot serve get the fallback.
    private static func together(
        _ items: [(key: String, data: ModelData)], forecaster: any Forecaster,
        fallback: (name: String, forecaster: any Forecaster)?, threads: Int,
        progress: (@Sendable (Int) -> Void)?, training: TrainingProgress?
    ) throws(ForecastError) -> [Outcome] {
        let members: [PanelMember]
        do {
            members =
                try forecaster.fitTogether(items.map(\.data), threads: threads, progress: training)
                ?? items.map { _ in PanelMember(model: nil, failure: "the model cannot fit series together") }
        } catch {
            // A misconfigured model would otherwise hand every series to the fallback, hiding the mistake.
            if error.isModelWide { throw error }
            members = items.map { _ in PanelMember(model: nil, failure: error.message) }
        }
        let jobs = items.map { Job(key: $0.key, data: $0.data) }
        let serve: @Sendable (Int) -> Outcome = { i in
            if let model = members[i].model {
                return Outcome(key: jobs[i].key, model: model, failure: nil, fallbackUsed: nil)
            }
            return fellBack(jobs[i], failure: ForecastError(members[i].failure ?? "no model"), fallback: fallback)
        }
        if confined(forecaster, fallback) { return try onCallingThread(count: jobs.count, progress: progress, serve) }
        return ParallelMap.run(count: jobs.count, threads: threads, progress: progress, serve)
    }

    /// The fallback's fit for a series the model could not serve, keeping why it failed.
    private static func fellBack(
        _ job: Job, failure: ForecastError, fallback: (name: String, forecaster: any Forecaster)?
    ) -> Outcome {
        var outcome = Outcome(key: job.key, model: nil, failure: failure.message, fallbackUsed: nil)
        if failure.stopsTheRun {
            outcome.stop = failure
            return outcome
        }
        guard let fallback else { return outcome }
        do throws(ForecastError) {
            outcome.model = try fallback.forecaster.fit(job.data)
            outcome.fallbackUsed = fallback.name
        } catch {
            if error.stopsTheRun { outcome.stop = error }
            outcome.failure = failure.message + "; the fallback \(fallback.name) failed too: \(error.message)"
        }
        return outcome
    }

    private struct Job: Sendable {
        let key: String
        let data: ModelData
    }
}
