import Forecasting
import NeuralForecasting

extension ModelCatalog {
    /// Every native model the workbench registers: the statistical models, then
    /// the neural ones, which live in their own module so that Forecasting does
    /// not link OpenBLAS. Ensembles may name any of them.
    static let workbench = ModelCatalog(adding: NeuralModels.definitions)
}
