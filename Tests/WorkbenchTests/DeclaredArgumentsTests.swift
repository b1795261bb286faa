import AlmanacCore
import Foundation
import LuaBridge
import Testing

@testable import Workbench

/// The declare-once binding layer: one argument struct gives the decoding, the
/// defaults, the validation, the signature line and the stub types.
@Suite struct DeclaredArgumentsTests {
    enum Shape: String, LuaChoice { case flat, peaked }

    struct Example: LuaArguments {
        var count = 0
        var label: String?
        var scale = 1.5
        var seriesPerChunk = 5000
        var shape = Shape.flat
        var horizon = 0
        static let arguments: [LuaArgument<Self>] = [
            .required(\.count, "how many"),
            .optional(\.label, "a name"),
            .option(\.scale, "a factor", range: .positive),
            .option(\.seriesPerChunk, "series per chunk", range: ParameterRange(lower: 1)),
            .option(\.shape, "the shape"),
            .option(\.horizon, "steps ahead", required: true),
        ]
    }

    struct OptionsOnly: LuaArguments {
        var lag = 10
        static let arguments: [LuaArgument<Self>] = [.option(\.lag, "lags tested")]
    }

    /// A state with `t.example` declared from `Example`; it returns what it decoded.
    func state() throws -> LuaState {
        let state = try LuaState()
        let example = LuaFunctionSpec("example", in: "t", summary: "decodes its arguments", arguments: Example.self) {
            args, call in
            call.returning(
                .record([
                    "count": .integer(Int64(args.count)), "label": args.label.map { .string($0) } ?? .nil,
                    "scale": .number(args.scale), "series_per_chunk": .integer(Int64(args.seriesPerChunk)),
                    "shape": .string(args.shape.rawValue), "horizon": .integer(Int64(args.horizon)),
                ]))
        }
        try state.install(LuaModuleSpec("t", summary: "test", functions: [example]))
        return state
    }

    func message(_ state: LuaState, _ code: String) -> String {
        do {
            _ = try state.run(code, chunkName: "=s")
            return "(no error)"
        } catch {
            return error.message
        }
    }

    @Test func namesComeFromThePropertiesInSnakeCase() {
        #expect(Example.arguments.map(\.name) == ["count", "label", "scale", "series_per_chunk", "shape", "horizon"])
        #expect(LuaNames.snakeCase(of: \Example.seriesPerChunk) == "series_per_chunk")
    }

    @Test func defaultsAreTheInitialValues() throws {
        let state = try state()
        let result = try state.run("return t.example(3, nil, { horizon = 8 })", chunkName: "=s")
        #expect(
            result == [
                .record([
                    "count": 3, "scale": 1.5, "series_per_chunk": 5000, "shape": "flat", "horizon": 8,
                ])
            ])
        let given = try state.run(
            "return t.example(3, 'x', { horizon = 8, scale = 2, series_per_chunk = 10, shape = 'peaked' })",
            chunkName: "=s")
        #expect(
            given == [
                .record([
                    "count": 3, "label": "x", "scale": 2.0, "series_per_chunk": 10, "shape": "peaked", "horizon": 8,
                ])
            ])
    }

    @Test func mistakesAreNamedAsEverywhereElse() throws {
        let state = try state()
        #expect(
            message(state, "t.example()") == "s:1: t.example: argument 1 'count' must be a whole number, got nothing")
        #expect(
            message(state, "t.example(1, 2, { horizon = 1 })")
                == "s:1: t.example: argument 2 'label' must be a string, got a number")
        #expect(
            message(state, "t.example(1, nil, { horizon = 1, scael = 2 })")
                == "s:1: t.example: unknown option 'scael' (did you mean 'scale'?)")
        #expect(
            message(state, "t.example(1, nil, { horizon = 1, scale = -1 })")
                == "s:1: t.example: option 'scale' must be > 0, got -1")
        #expect(
            message(state, "t.example(1, nil, { horizon = 1, shape = 'peked' })")
                == "s:1: t.example: option 'shape' must be one of 'flat', 'peaked', got 'peked' (did you mean 'peaked'?)"
        )
        #expect(message(state, "t.example(1, nil, {})").hasPrefix("s:1: t.example: option 'horizon' is required"))
        #expect(
            message(state, "t.example(1, nil, { horizon = 2.5 })")
                == "s:1: t.example: option 'horizon' must be a whole number, got 2.5")
    }

    @Test func theSignatureLineIsWrittenFromTheDeclaration() {
        #expect(
            SignatureText.line("t.example", Example.self, returns: [.init(.number, "total")])
                == "t.example(count, [label], { scale = 1.5, series_per_chunk = 5000, shape = \"flat\", horizon = }) -> total"
        )
        #expect(
            SignatureText.line("s:ljung_box", OptionsOnly.self, returns: [])
                == "s:ljung_box{ lag = 10 }")
        #expect(
            SignatureText.line("s:values", NoArguments.self, returns: [.init(.array(.number))])
                == "s:values() -> { number, ... }")
    }

    @Test func theStubTypesAreWrittenFromTheDeclaration() {
        let types = SignatureText.types(Example.self, returns: [])
        #expect(types.parameters.map(\.name) == ["count", "label", "options"])
        #expect(types.parameters.map(\.optional) == [false, true, false])
        guard case .shape(let record) = types.parameters[2].type else {
            Issue.record("options are not a record")
            return
        }
        #expect(record.fields.map(\.name) == ["scale", "series_per_chunk", "shape", "horizon"])
        #expect(record.fields.map(\.optional) == [true, true, true, false])
        #expect(record.fields[2].type == .oneOf(["flat", "peaked"]))
        #expect(record.fields[0].doc == "a factor (default 1.5; > 0)")
    }

    struct Summary: LuaRecordEncodable {
        let meanError: Double
        let count: Int
        static let fields: [LuaRecordField<Self>] = [.field(\.meanError, "the mean error"), .field(\.count)]
    }

    @Test func resultRecordsAreEncodedFromTheirType() {
        #expect(Summary(meanError: 0.5, count: 3).luaValue == .record(["mean_error": 0.5, "count": 3]))
        #expect(
            Summary.luaType
                == .record([LuaField("mean_error", .number, doc: "the mean error"), LuaField("count", .integer)]))
    }

    // The worked example of docs/architecture.md, "Adding a function: one declaration".
    enum DemandShape: String, LuaChoice { case normal, gamma }

    struct FillRateArguments: LuaArguments {
        var demand = 0.0
        var orderQuantity = 0.0
        var reviewPeriod = 1
        var leadTime = 2.0
        var shape = DemandShape.normal
        static let arguments: [LuaArgument<Self>] = [
            .required(\.demand, "mean demand per period"),
            .required(\.orderQuantity, "units per order"),
            .option(\.reviewPeriod, "periods between reviews", range: ParameterRange(lower: 1)),
            .option(\.leadTime, "periods from order to arrival", range: .nonNegative),
            .option(\.shape, "the demand distribution over the lead time"),
        ]
    }

    @Test func theWorkedExampleOfTheArchitecturePageHolds() throws {
        let fillRate = LuaFunctionSpec(
            "fill_rate", in: "inventory", summary: "expected share of demand met from stock",
            arguments: FillRateArguments.self, returns: [.init(.number, "rate")]
        ) { args, call in
            call.returning(
                .number(min(1, args.orderQuantity / (args.demand * (Double(args.reviewPeriod) + args.leadTime)))))
        }
        #expect(
            fillRate.signature == "inventory.fill_rate(demand, order_quantity [, { review_period = 1, lead_time = 2, "
                + "shape = \"normal\" }]) -> rate")
        let state = try LuaState()
        try state.install(LuaModuleSpec("inventory", summary: "test", functions: [fillRate]))
        #expect(try state.run("return inventory.fill_rate(10, 15)", chunkName: "=s") == [.number(0.5)])
        #expect(
            message(state, "inventory.fill_rate(10, 50, { lead_tme = 3 })")
                == "s:1: inventory.fill_rate: unknown option 'lead_tme' (did you mean 'lead_time'?)")
    }

    /// Names derived from key paths are Lua identifiers: a computed property's
    /// key path has no name to derive, and must be given one (`name:`).
    @Test func everyDeclaredNameIsALuaIdentifier() {
        func names(in type: LuaType) -> [String] {
            switch type {
            case .shape(let record): return record.fields.flatMap { [$0.name] + names(in: $0.type) }
            case .array(let element): return names(in: element)
            case .union(let members): return members.flatMap(names(in:))
            default: return []
            }
        }
        func names(in signature: LuaSignature?) -> [String] {
            guard let signature else { return [] }
            var found: [String] = []
            for parameter in signature.parameters { found += [parameter.name] + names(in: parameter.type) }
            for result in signature.returns {
                if let name = result.name { found.append(name) }
                found += names(in: result.type)
            }
            for alternative in signature.alternatives { found += names(in: alternative) }
            return found
        }
        var all: [String] = []
        for module in ScriptHost.moduleSpecs() { all += module.functions.flatMap { names(in: $0.types) } }
        for type in ScriptTypes.classes { all += type.methods.flatMap { names(in: $0.types) } }
        #expect(all.count > 200)
        let identifier = /^[A-Za-z_][A-Za-z0-9_]*$/
        let bad = all.filter { (try? identifier.wholeMatch(in: $0)) == nil }
        #expect(bad.isEmpty, "not Lua identifiers: \(Set(bad).sorted())")
    }

    /// No Workbench declaration writes a signature line or stub types by hand:
    /// they come from the argument structs, so they cannot drift.
    @Test func noSignatureIsWrittenByHand() throws {
        let workbench = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Workbench")
        guard let walker = FileManager.default.enumerator(atPath: workbench.path) else {
            Issue.record("Sources/Workbench not found at \(workbench.path)")
            return
        }
        var handWritten: [String] = []
        for case let path as String in walker where path.hasSuffix(".swift") && !path.hasPrefix("Binding/") {
            let text = try String(contentsOfFile: workbench.appendingPathComponent(path).path, encoding: .utf8)
            if text.contains("signature: \"") || text.contains("types: LuaSignature(") { handWritten.append(path) }
        }
        #expect(handWritten.isEmpty, "hand-written signatures in \(handWritten.sorted())")
    }

    /// Both forms of metrics.accuracy check their options the declared way.
    @Test func panelAccuracyChecksItsOptions() throws {
        let host = try makeHost()
        let code = """
            local p = data.panel({ a = { 1, 2, 3 }, b = { 4, 5, 6 } })
            return metrics.accuracy(p, p, { trainig = p })
            """
        #expect(
            errorMessage(host, code) == "s.lua:2: metrics.accuracy: unknown option 'trainig' (did you mean 'training'?)"
        )
        let fine = try run(
            host, "local p = data.panel({ a = { 1, 2, 3 } }); return metrics.accuracy(p, p, { training = p }).mean.mae")
        #expect(fine == [.number(0)])
    }
}
