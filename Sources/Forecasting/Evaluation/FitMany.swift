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
                           progress: (@Sendable (Int) -> Void)? = nil) -> [Outcome] {
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

    private struct Job: Sendable {
        let key: String
        let data: ModelData
    }
}
