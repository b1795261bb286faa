import Forecasting
import Neural

/// Fine-tuning: a trained global model's networks trained further on new
/// data (a new season of sales, new SKUs), starting from their weights
/// instead of from scratch, usually with fewer steps and a smaller rate.
public enum NeuralFineTuning {
    /// How far and how fast the networks are trained further.
    public struct Settings: Sendable {
        /// Most training steps per network.
        public var steps = 300
        /// Adam's step size, smaller than for training from scratch.
        public var learningRate = 1e-4
        /// Seed of the training windows.
        public var seed: UInt64 = 1
        /// Training steps between validation checks.
        public var evaluateEvery = 25
        /// Validation checks without improvement before training stops.
        public var patience = 8
        /// The defaults above.
        public init() {}
    }

    /// `model` must be a global network's fit (nbeats, lstm); the result has
    /// one member per series of `items`, as fit_many's global fits do.
    public static func fineTune(
        _ model: any FittedModel, on items: [ModelData], settings: Settings, threads: Int,
        progress: TrainingProgress? = nil
    ) throws(ForecastError) -> [PanelMember] {
        var nonNegative = false
        var fit = model as? NeuralFit
        if fit == nil, let wrapped = CommonOptionsFit.unwrap(model) {
            guard wrapped.lambda == nil else {
                throw ForecastError(
                    "\(model.modelName): fine-tuning a model fitted with lambda is not supported; fit again with the new data instead"
                )
            }
            nonNegative = wrapped.nonNegative
            fit = wrapped.inner as? NeuralFit
        }
        guard let fit else {
            throw ForecastError(
                "fine_tune: \(model.modelName) is not a global neural model (nbeats, lstm); fit it again instead")
        }
        let global = fit.global
        let design: GlobalNeuralForecaster.Design
        if let lstm = global.networks[0] as? LSTMNetwork {
            design = .lstm(hidden: lstm.hidden)
        } else if let nbeats = global.networks[0] as? NBeatsNetwork {
            let a = nbeats.architecture
            design = .nbeats(blocks: a.blocks, layers: a.layersPerBlock, width: a.width)
        } else {
            throw ForecastError("fine_tune: \(model.modelName)'s network is of an unknown kind")
        }
        var trainer = GlobalNeuralForecaster(design: design)
        trainer.intervals = global.quantiles.count > 1
        trainer.covariateNames = global.covariateNames
        trainer.covariateScales = global.covariateScales
        trainer.categoryNames = global.categories.names
        trainer.vocabulary = global.categories
        trainer.calendar = global.calendar
        trainer.training.maxSteps = settings.steps
        trainer.training.learningRate = Float(settings.learningRate)
        trainer.training.seed = settings.seed
        trainer.training.evaluateEvery = settings.evaluateEvery
        trainer.training.patience = settings.patience
        let members = try trainer.train(items, threads: threads, progress: progress, startingFrom: global.networks)
        guard nonNegative else { return members }
        return zip(items, members).map { item, member in
            PanelMember(
                model: member.model.map { CommonOptionsFit.clippedAtZero($0, series: item.series) },
                failure: member.failure)
        }
    }
}
