import AlmanacCore
import Testing

@Suite struct ParameterValidationTests {
    let specs = [
        ParameterSpec("holding_cost", .number, required: true, range: .positive, doc: "h"),
        ParameterSpec("fixed_cost", .number, default: .number(8), range: .nonNegative, doc: "K"),
        ParameterSpec(
            "periods", .integer, default: .integer(12), range: ParameterRange(lower: 1, upper: 100), doc: "n"),
        ParameterSpec("method", .string, default: .string("exact"), choices: ["exact", "approx"], doc: "m"),
        ParameterSpec("weights", .numbers, range: .nonNegative, doc: "w"),
    ]

    func message(_ given: [String: ParameterValue]) -> String {
        do {
            _ = try specs.validate(given, for: "demo")
            return "(accepted)"
        } catch {
            return error.message
        }
    }

    @Test func defaultsAreFilledAndTypesCoerced() throws {
        let set = try specs.validate(["holding_cost": .integer(2), "periods": .number(24)], for: "demo")
        #expect(set["holding_cost"] == .number(2))
        #expect(set["periods"] == .integer(24))
        #expect(set["fixed_cost"] == .number(8))
        #expect(set.string("method") == "exact")
        #expect(set["weights"] == nil)
    }

    @Test func everyKindOfMistakeGetsItsOwnMessage() {
        #expect(
            message(["holding_cst": .number(1)]) == "demo: unknown option 'holding_cst' (did you mean 'holding_cost'?)")
        #expect(
            message(["xyz": .number(1)])
                == "demo: unknown option 'xyz'; its options are: holding_cost, fixed_cost, periods, method, weights")
        #expect(message([:]) == "demo: option 'holding_cost' is required (a number: h)")
        #expect(message(["holding_cost": .string("1")]) == "demo: option 'holding_cost' must be a number, got a string")
        #expect(message(["holding_cost": .number(0)]) == "demo: option 'holding_cost' must be > 0, got 0")
        #expect(message(["holding_cost": .number(.nan)]) == "demo: option 'holding_cost' must be > 0, got nan")
        #expect(
            message(["holding_cost": .number(1), "periods": .number(2.5)])
                == "demo: option 'periods' must be a whole number, got 2.5")
        #expect(
            message(["holding_cost": .number(1), "periods": .integer(101)])
                == "demo: option 'periods' must be >= 1 and <= 100, got 101")
        #expect(
            message(["holding_cost": .number(1), "method": .string("exakt")])
                == "demo: option 'method' must be one of 'exact', 'approx', got 'exakt' (did you mean 'exact'?)")
        #expect(
            message(["holding_cost": .number(1), "weights": .numbers([1, -1])])
                == "demo: option 'weights' must be >= 0, got -1")
        #expect(
            message(["holding_cost": .number(1), "weights": .opaque(typeName: "table")])
                == "demo: option 'weights' must be an array of numbers")
    }

    @Test func declarationsAreCheckedToo() {
        func problem(_ d: PluginDescriptor) -> String {
            do { try d.validateDeclaration(); return "(accepted)" } catch { return error.message }
        }
        #expect(
            problem(PluginDescriptor(name: "Bad-Name", kind: .cost, version: "1", summary: "s")).contains(
                "must be lower case"))
        #expect(
            problem(PluginDescriptor(name: "ok", kind: .cost, version: "", summary: "s")).contains(
                "'version' is required"))
        #expect(
            problem(PluginDescriptor(name: "ok", kind: .model, version: "1", summary: "s", capabilities: ["interval"]))
                == "plugin 'ok': unknown capability 'interval' for a model (did you mean 'intervals'?)")
        #expect(
            problem(
                PluginDescriptor(
                    name: "ok", kind: .cost, version: "1", summary: "s",
                    parameters: [ParameterSpec("a", .number, doc: ""), ParameterSpec("a", .number, doc: "")]))
                == "plugin 'ok': parameter 'a' is declared twice")
        #expect(
            problem(
                PluginDescriptor(
                    name: "ok", kind: .cost, version: "1", summary: "s",
                    parameters: [ParameterSpec("a", .number, default: .string("x"), doc: "")])
            )
            .contains("must be a number, got a string"))
    }

    @Test func suggestionsAreCloseOrNothing() {
        #expect(closestMatch(to: "ordr", in: ["order", "seasonal"]) == "order")
        #expect(closestMatch(to: "holdnig_cost", in: ["holding_cost", "fixed_cost"]) == "holding_cost")
        #expect(closestMatch(to: "hold", in: ["holding_cost", "fixed_cost"]) == "holding_cost")
        #expect(closestMatch(to: "banana", in: ["order", "seasonal"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("ab", "ba") == 1)
    }
}
