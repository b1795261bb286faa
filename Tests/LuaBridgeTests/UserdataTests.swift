import LuaBridge
import Testing

/// Counts creations and deinits so a test can prove no leak and no double free.
final class Tracker {
    var created = 0
    var destroyed = 0
}

final class Box: LuaUserdata {
    static let luaClassName = "Box"
    let value: Double
    let tracker: Tracker

    init(_ value: Double, tracker: Tracker) {
        self.value = value
        self.tracker = tracker
        tracker.created += 1
    }

    deinit { tracker.destroyed += 1 }

    static func luaClass() -> LuaClass<Box> {
        var c = LuaClass<Box>(summary: "a number in a box")
        c.properties = [LuaProperty("value", .number, "the number") { .number($0.value) }]
        c.methods = [
            LuaMethod("scaled", signature: "box:scaled(k)", summary: "value times k") { me, call in
                call.returning(.number(me.value * (try call.number(2, "k"))))
            }
        ]
        c.tostring = { "Box(\($0.value))" }
        c.length = { Int($0.value) }
        c.call = { me, call in call.returning(.number(me.value + (try call.number(2, "x")))) }
        c.metamethods["__add"] = { call in
            let a = call.stack.object(at: 1, as: Box.self), b = call.stack.object(at: 2, as: Box.self)
            guard let a, let b else { throw ScriptError("can only add two boxes") }
            call.stack.pushUserdata(Box(a.value + b.value, tracker: a.tracker))
            return 1
        }
        return c
    }
}

@Suite struct UserdataTests {
    func state(_ tracker: Tracker) throws(LuaError) -> LuaState {
        let state = try LuaState()
        state.register("box") { call in
            call.stack.pushUserdata(Box(try call.number(1, "value"), tracker: tracker))
            return 1
        }
        return state
    }

    @Test func metamethodsPropertiesAndMethods() throws {
        let tracker = Tracker()
        let r = try state(tracker).run(
            """
            local b = box(3)
            local c = b + box(4)
            return b.value, b:scaled(2), tostring(c), #c, b(10), getmetatable(b)
            """, chunkName: "=ud")
        #expect(r == [3.0, 6.0, "Box(7.0)", 7, 13.0, "Box"])
    }

    @Test func unknownFieldsSuggestTheRightName() throws {
        let tracker = Tracker()
        do {
            try state(tracker).run("local b = box(1)\nreturn b:scaeld(2)", chunkName: "@u.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "u.lua:2: a Box has no field 'scaeld' (did you mean 'scaled'?)")
        }
    }

    @Test func methodsCalledWithADotSayToUseAColon() throws {
        let tracker = Tracker()
        do {
            try state(tracker).run("local b = box(1)\nreturn b.scaled(2)", chunkName: "@u.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("call it with a colon: box:scaled(...)"))
        }
    }

    @Test func metatablesCannotBeReplaced() throws {
        let tracker = Tracker()
        #expect(throws: LuaError.self) {
            try state(tracker).run("setmetatable(box(1), {})", chunkName: "=m")
        }
    }

    @Test func aMillionAllocationsAreAllCollectedExactlyOnce() throws {
        let tracker = Tracker()
        do {
            let s = try state(tracker)
            try s.run(
                """
                local keep = {}
                for i = 1, 1000000 do
                  local b = box(i)
                  if i % 100000 == 0 then keep[#keep + 1] = b end
                end
                collectgarbage("collect")
                collectgarbage("collect")
                assert(keep[10].value == 1000000)
                """, chunkName: "=gc")
            #expect(tracker.created == 1_000_000)
            #expect(tracker.destroyed == 1_000_000 - 10)  // the kept ten are still alive
            #expect(s.memoryInUse < 4 * 1024 * 1024)
        }
        // Closing the state releases the survivors too.
        #expect(tracker.destroyed == 1_000_000)
    }

    @Test func objectsHeldBySwiftOutliveCollection() throws {
        let tracker = Tracker()
        let s = try state(tracker)
        let r = try s.run("return box(5)", chunkName: "=o")
        try s.run("collectgarbage('collect')", chunkName: "=gc")
        guard case .object(let object) = r[0], let b = object as? Box else {
            Issue.record("expected a Box"); return
        }
        #expect(b.value == 5)
        #expect(tracker.destroyed == 0)
    }
}
