import LuaBridge
import Testing

/// The stack queries Workbench uses instead of the C API: types, numbers
/// without string conversion, and trimming the stack after a call.
@Suite struct StackQueryTests {
    @Test func typesAndNumbersAreReadWithoutConversion() throws {
        let state = try LuaState()
        state.register("kinds") { call in
            let s = call.stack
            let kinds = (1...call.argumentCount).map { i -> LuaValue in
                .string(
                    (s.isNumber(at: i) ? "n" : "") + (s.isFunction(at: i) ? "f" : "") + (s.isTable(at: i) ? "t" : ""))
            }
            return call.returning(.array(kinds + [.number(s.number(at: 1) ?? -1), .number(s.number(at: 2) ?? -1)]))
        }
        let result = try state.run("return kinds(2.5, '3', print, {}, nil)", chunkName: "=s")
        #expect(
            result == [
                .array([.string("n"), .string(""), .string("f"), .string("t"), .string(""), .number(2.5), .number(-1)])
            ])
    }

    @Test func popAndDropTrimTheStackAndStopAtItsBottom() throws {
        let state = try LuaState()
        state.register("trim") { call in
            let s = call.stack
            s.push(.number(1))
            s.push(.number(2))
            s.push(.number(3))
            let before = s.top
            s.pop()
            let afterPop = s.top
            s.drop(to: before - 2)
            let afterDrop = s.top
            s.pop(-5)  // a negative count drops nothing
            let afterNegative = s.top
            s.pop(100)  // past the bottom empties the stack and no further
            return call.returning(
                .array([before, afterPop, afterDrop, afterNegative, s.top].map { .integer(Int64($0)) }))
        }
        let result = try state.run("return trim('a')", chunkName: "=s")
        #expect(result == [.array([.integer(4), .integer(3), .integer(2), .integer(2), .integer(0)])])
    }

    @Test func theReleaseNeedsNoState() {
        #expect(LuaState.release.hasPrefix("Lua 5.4"))
    }
}
