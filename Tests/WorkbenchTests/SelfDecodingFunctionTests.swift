import AlmanacCore
import LuaBridge
import Testing

@testable import Workbench

/// Functions that decode their own arguments still take their signature line
/// and stub types from one declaration; nested option tables and overloads are
/// named from theirs.
@Suite struct SelfDecodingFunctionTests {
    struct Rest: LuaArguments {
        var fc = 0.0
        var last: Int?
        static let arguments: [LuaArgument<Self>] = [.required(\.fc, "the forecast"), .option(\.last, "how many")]
    }

    struct Model: LuaArguments {
        var cost = 0.0
        var rate = 2.0
        static let arguments: [LuaArgument<Self>] = [
            .option(\.cost, "cost per order", required: true), .option(\.rate, "demand per period"),
        ]
    }

    @Test func aLeadingOptionalArgumentIsShownBeforeTheDeclaredOnes() {
        let spec = LuaFunctionSpec(
            "f", in: "t", summary: "s", leading: LuaParameter("history", .series),
            arguments: Rest.self, returns: [.init(.number)], decodingItself: { _ in 0 })
        #expect(spec.signature == "t.f([history,] fc [, { last = nil }]) -> number")
        #expect(spec.types?.parameters.map(\.name) == ["history", "fc", "options"])
        #expect(spec.types?.alternatives.first?.parameters.map(\.name) == ["fc", "options"])
    }

    @Test func aNestedOptionTableShowsItsFieldsAndValidatesThem() throws {
        #expect(OptionsRecord<Model>.shownTable == "{ cost =, rate = 2 }")
        let state = try LuaState()
        let spec = LuaFunctionSpec("g", in: "t", summary: "s", arguments: Wrapper.self) { args, call in
            call.returning(.number(args.model.fields.cost * args.model.fields.rate))
        }
        try state.install(LuaModuleSpec("t", summary: "test", functions: [spec]))
        #expect(try state.run("return t.g({ cost = 3 })", chunkName: "=s") == [.number(6)])
        do {
            _ = try state.run("return t.g({ cots = 3 })", chunkName: "=s")
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("t.g: unknown option 'cots' (did you mean 'cost'?)"), "\(error.message)")
        }
    }

    struct Wrapper: LuaArguments {
        var model = OptionsRecord<Model>()
        static let arguments: [LuaArgument<Self>] = [.required(\.model, "the model")]
    }

    @Test func anOverloadsOptionsGetTheirOwnName() {
        let named = SignatureText.types(Rest.self, returns: []).namingOptions("t.RestOptions")
        guard case .shape(let record)? = named.parameters.last?.type else {
            Issue.record("no options record")
            return
        }
        #expect(record.name == "t.RestOptions" && record.fields.map(\.name) == ["last"])
    }
}
