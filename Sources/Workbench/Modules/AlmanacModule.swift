import AlmanacCore
import Foundation
import LuaBridge

/// The `almanac` table: version, seed, the plugin registry, output paths.
enum AlmanacModule {
    static func spec(_ context: HostContext) -> LuaModuleSpec {
        LuaModuleSpec(
            "almanac", summary: "The host: version, seeding, plugins and where output goes.",
            functions: [
                LuaFunctionSpec(
                    "seed", in: "almanac",
                    summary:
                        "Reseeds the one random generator behind math.random and every sampler; same seed, same numbers.",
                    details:
                        "`n` is a whole number ≥ 0. Without a call, a run uses `--seed` (default 0), so runs repeat exactly. `math.randomseed(n)` does the same.",
                    example: "almanac.seed(42)\nprint(math.random(1, 6))",
                    arguments: SeedArguments.self
                ) { args, call in
                    let n = args.n
                    guard n >= 0 else { throw ScriptError("argument 1 'n' must be a whole number >= 0, got \(n)") }
                    context.generator = SeededGenerator(seed: UInt64(n))
                    return 0
                },
                LuaFunctionSpec(
                    "clock", in: "almanac",
                    summary:
                        "Seconds on a monotonic clock, for timing parts of a script (differences only; os.clock() gives CPU time).",
                    example:
                        "local t0 = almanac.clock()\nforecast.fit(\"ets\", data.dataset(\"airpassengers\"))\nprint(almanac.clock() - t0 >= 0)",
                    arguments: NoArguments.self, returns: [.init(.number, "seconds")]
                ) { _, call in
                    call.returning(.number(Double(DispatchTime.now().uptimeNanoseconds) / 1e9))
                },
                LuaFunctionSpec(
                    "register", in: "almanac",
                    summary: "Registers a plugin written in Lua (a model, a cost or an optimizer).",
                    details: """
                        Fields: `kind` (`"model"`, `"cost"` or `"optimizer"`), `name` (lower case, digits, `_`), \
                        `version`, `summary` (one line), optional `doc`, `params` (an array of \
                        `{ name =, type =, default =, required =, min =, max =, greater_than =, less_than =, choices =, doc = }`; \
                        types: number, integer, string, boolean, number[], string[], table, function, distribution, any), `capabilities`, `decision` \
                        (a cost's variable names), `author`, `license`, `homepage`, `example`; and the kind's functions: \
                        a model gives `fit` and `forecast`, a cost gives `cost(x, p)` returning the total and optionally \
                        a table of its parts, an optimizer gives `minimize(f, start, p)` where `f` takes an array, `start` \
                        is `{ x0 =, lower =, upper = }` and the result is `{ x =, f =, iterations =, evaluations =, converged = }`.
                        """,
                    example: """
                        almanac.register{
                          kind = "cost", name = "linear_holding", version = "1.0.0",
                          summary = "holding cost h·x",
                          params = { { name = "h", type = "number", default = 1, min = 0, doc = "cost per unit" } },
                          cost = function(x, p) return p.h * x end,
                        }
                        print(almanac.cost("linear_holding", { h = 2 })(10))  --> 20.0
                        """,
                    arguments: RegisterArguments.self,
                    decodingItself: { call in try LuaPluginRegistration.register(call, into: context.registry) }),
                LuaFunctionSpec(
                    "plugins", in: "almanac",
                    summary: "Every registered plugin (native and Lua alike), or those of one kind, sorted by name.",
                    example: "for _, p in ipairs(almanac.plugins(\"optimizer\")) do print(p.name, p.summary) end",
                    arguments: PluginsArguments.self, returns: [.init(.array(.pluginDescriptor), "descriptors")]
                ) { args, call in
                    var kind: PluginKind?
                    if let name = args.kind {
                        guard let k = PluginKind(rawValue: name) else {
                            throw ScriptError(
                                "unknown kind '\(name)'; kinds are "
                                    + PluginKind.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                        kind = k
                    }
                    return call.returning(.array(context.registry.list(kind: kind).map(\.descriptor.luaRecord)))
                },
                LuaFunctionSpec(
                    "plugin", in: "almanac",
                    summary:
                        "One plugin's descriptor: name, kind, version, summary, params (with types, defaults, ranges, docs), capabilities, source.",
                    example: "print(almanac.inspect(almanac.plugin(\"eoq_cost\").params[1]))",
                    arguments: PluginArguments.self, returns: [.init(.pluginDescriptor, "descriptor")]
                ) { args, call in
                    call.returning(try context.registry.find(args.name).descriptor.luaRecord)
                },
                LuaFunctionSpec(
                    "cost", in: "almanac",
                    summary:
                        "Binds a cost plugin to its parameters (checked now); the result is callable: c(x) gives the total cost.",
                    details:
                        "`x` is a number for one decision variable or an array for several. `c:parts(x)` gives the components. A bound cost can be handed to `optimize.scalar` and `optimize.minimize`; native costs then run without crossing into Lua.",
                    example:
                        "local c = almanac.cost(\"eoq_cost\", { fixed_cost = 8, holding_cost = 0.225, demand_rate = 1300 })\nprint(c(300), c:parts(300).holding)",
                    arguments: CostArguments.self, returns: [.init(.cost)]
                ) { args, call in
                    let name = args.name
                    let plugin = try context.registry.find(name, kind: .cost)
                    let (set, lua) = try validateOptions(
                        args.params, against: plugin.descriptor.parameters, owner: name)
                    call.stack.pushUserdata(CostHandle(plugin: plugin, parameters: set, luaParameters: lua))
                    return 1
                },
                LuaFunctionSpec(
                    "out", in: "almanac",
                    summary:
                        "The path of `name` inside the output folder (-o/--out, default out/), creating folders on the way.",
                    example: "local f = assert(io.open(almanac.out(\"result.csv\"), \"w\"))",
                    arguments: OutArguments.self, returns: [.init(.string, "path")]
                ) { args, call in
                    let name = args.name
                    guard !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
                        throw ScriptError("'\(name)' must be a relative path inside the output folder")
                    }
                    let path = context.outputDirectory + "/" + name
                    let folder = (path as NSString).deletingLastPathComponent
                    do {
                        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    } catch {
                        throw ScriptError("cannot create folder '\(folder)': \(error.localizedDescription)")
                    }
                    return call.returning(.string(path))
                },
                LuaFunctionSpec(
                    "inspect", in: "almanac",
                    summary:
                        "Any value as readable text: tables with sorted keys, nested up to `depth` (default 4), on one line when it fits `width` (default 80).",
                    example: "print(almanac.inspect({ q = 304.05, parts = { 34.2, 34.2 } }))",
                    arguments: InspectArguments.self, returns: [.init(.string)], luaSource: inspectSource),
            ],
            fields: [
                LuaFieldSpec("version", .string(almanacVersion), summary: "Almanac's version string."),
                LuaFieldSpec("lua_version", .string(LuaState.release), summary: "The Lua release Almanac embeds."),
            ])
    }
}

/// The declared arguments of almanac.* (see LuaArguments).
extension AlmanacModule {
    struct SeedArguments: LuaArguments {
        var n = 0
        static let arguments: [LuaArgument<Self>] = [.required(\.n, "the seed, a whole number >= 0")]
    }

    struct RegisterArguments: LuaArguments {
        var plugin = TableArgument()
        static let arguments: [LuaArgument<Self>] = [
            .required(\.plugin, "the plugin's definition", type: LuaPluginRegistration.definitionType)
        ]
    }

    struct PluginsArguments: LuaArguments {
        /// A String, not a choice: an unknown kind has the function's own message.
        var kind: String?
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.kind, "only plugins of this kind", type: .oneOf(PluginKind.allCases.map(\.rawValue)))
        ]
    }

    struct PluginArguments: LuaArguments {
        var name = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.name, "the plugin's name", type: .pluginName(nil))]
    }

    struct CostArguments: LuaArguments {
        var name = ""
        var params: [String: LuaValue] = [:]
        static let arguments: [LuaArgument<Self>] = [
            .required(\.name, "the cost plugin's name", type: .pluginName(.cost)),
            .optional(\.params, "its parameters, checked now", type: .pluginParameters(.cost)),
        ]
    }

    struct OutArguments: LuaArguments {
        var name = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.name, "a relative path inside the output folder")]
    }

    struct InspectArguments: LuaArguments {
        var value = LuaValue.nil
        var depth = 4
        var width = 80
        static let arguments: [LuaArgument<Self>] = [
            .required(\.value, "any value"),
            .option(\.depth, "how deep tables are shown"),
            .option(\.width, "line width that fits on one line"),
        ]
    }
}
