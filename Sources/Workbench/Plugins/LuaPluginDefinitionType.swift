import AlmanacCore
import LuaBridge

/// The table almanac.register takes, as a type for the editor stubs. A test
/// holds its fields to `commonFields`, `specFields` and the kinds' functions.
extension LuaPluginRegistration {
    static let parameterDeclarationType = LuaType.record(
        [
            LuaField("name", .string),
            .optional("type", .oneOf(ParameterType.allCases.map(\.rawValue)), doc: "default number"),
            .optional("default", .any), .optional("required", .boolean),
            .optional("min", .number), .optional("max", .number),
            .optional("greater_than", .number), .optional("less_than", .number),
            .optional("choices", .array(.string)), .optional("doc", .string),
        ], named: "almanac.ParameterDeclaration")

    /// What a model's fit may report besides its state (LuaFitInfo reads it).
    static let fitInfoType = LuaType.record(
        [
            .optional(
                "fitted", .array(.number), doc: "one-step-ahead fitted values, one per observation (0/0 where none)"),
            .optional("residuals", .array(.number), doc: "default: observed minus fitted"),
            .optional("params", .map(key: .string, value: .number), doc: "estimated parameters by name"),
            .optional("method", .string, doc: "what was fitted (default: the plugin's name)"),
            .optional("notes", .array(.string)),
            .optional("sigma2", .number, doc: "residual variance (default: the mean squared residual)"),
            .optional("loglik", .number), .optional("aic", .number), .optional("aicc", .number),
            .optional("bic", .number),
        ], named: "almanac.ModelFit")

    static let definitionType = LuaType.record(
        [
            LuaField("kind", .oneOf(PluginKind.allCases.map(\.rawValue))),
            LuaField("name", .string, doc: "lower case letters, digits and _"),
            LuaField("version", .string), LuaField("summary", .string, doc: "one line"),
            .optional("doc", .string), .optional("params", .array(parameterDeclarationType)),
            .optional("capabilities", .array(.string)),
            .optional("decision", .array(.string), doc: "a cost's decision variables, in order"),
            .optional("author", .string), .optional("license", .string), .optional("homepage", .string),
            .optional("example", .string),
            .optional(
                "fit",
                .callback(
                    LuaSignature(
                        [.init("series", .series), .init("params", .table)], returns: [.any, fitInfoType | .nil])),
                doc: "a model's: fits and returns its state and, optionally, what the fit reports"),
            .optional("forecast", .function, doc: "a model's: forecast(state, h, levels) gives the forecast"),
            .optional("sample", .function, doc: "a model's (optional): simulated future paths"),
            .optional(
                "apply",
                .callback(
                    LuaSignature(
                        [.init("state", .any), .init("series", .series), .init("params", .table)],
                        returns: [.any, fitInfoType | .nil])),
                doc:
                    "a model's (optional): the fitted state on other data without estimating again (m:apply, backtest with refit = false)"
            ),
            .optional(
                "cost",
                .callback(
                    LuaSignature(
                        [.init("x", .number | .array(.number)), .init("params", .table)],
                        returns: [.number, .map(key: .string, value: .number) | .nil])),
                doc: "a cost's: the total and, optionally, its parts"),
            .optional(
                "minimize",
                .callback(
                    LuaSignature(
                        [
                            .init("f", .callback(LuaSignature([.init("x", .array(.number))], returns: [.number]))),
                            .init(
                                "start",
                                .record(
                                    [
                                        LuaField("x0", .array(.number)), .optional("lower", .array(.number)),
                                        .optional("upper", .array(.number)),
                                    ],
                                    named: "almanac.OptimizerStart")),
                            .init("params", .table),
                        ], returns: [.table])),
                doc: "an optimizer's: returns { x =, f =, iterations =, evaluations =, converged = }"),
        ], named: "almanac.PluginDefinition")
}
