// A Lua loop calling a native (Swift) function 10 million times, beside the
// same loop calling a Lua function, in one process and one run. Both
// functions add two numbers, so the difference is the cost of the call.
import CBenchAdd
import LuaBridge

let calls = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 10_000_000 : 10_000_000
let rounds = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 7 : 7

let state = try LuaState()
state.register("native_add") { call in
    call.returning(try call.number(1, "a") + (try call.number(2, "b")))
}
// The floor: the same add as a plain C function (Lua's own C API, no Swift).
bench_register_c_add(UnsafeMutableRawPointer(state.L))
try state.run(
    """
    function lua_add(a, b) return a + b end
    function loop(f, n)
      local s, t0 = 0, os.clock()
      for i = 1, n do s = f(s, 1) end
      assert(s == n)
      return os.clock() - t0
    end
    """, chunkName: "=bench")

@MainActor func seconds(_ function: String) throws -> Double {
    let r = try state.run("return loop(\(function), \(calls))", chunkName: "=bench")
    return r[0].doubleValue ?? .nan
}

var native: [Double] = [], lua: [Double] = [], c: [Double] = []
for _ in 0..<rounds {
    native.append(try seconds("native_add"))
    lua.append(try seconds("lua_add"))
    c.append(try seconds("c_add"))
}
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let n = median(native), l = median(lua)
func rate(_ s: Double) -> String {
    String(format: "%.1f M calls/s (%.1f ns/call)", Double(calls) / s / 1e6, s / Double(calls) * 1e9)
}
print("calls per run: \(calls), runs: \(rounds), median CPU time")
print("Lua -> native Swift function: \(rate(n))")
print("Lua -> Lua function:          \(rate(l))")
print("Lua -> plain C function:      \(rate(median(c))) (the floor for any native call)")
print(String(format: "native / Lua cost ratio: %.2f (target <= 2.00)", n / l))
