// libFuzzer harness for the Lua value bridge (Sources/LuaBridge/LuaValue.swift):
// the input is a Lua chunk, run in a fresh state under the --safe sandbox (no
// files: no readable or writable folders), a memory cap and an instruction limit;
// each value it returns is converted to a LuaValue (LuaStack.value), pushed back
// (LuaStack.push) and converted again. Syntax errors, runtime errors, the limits and
// conversion errors (ScriptError) are normal outcomes.
//
// Besides crashes, checked (a failure is a finding): the second conversion gives
// the same value as the first (NaN equal to NaN; functions compared by kind, as a
// push makes a new reference).

import CFuzzLuaLimit
import Foundation
import LuaBridge

/// VM instructions a chunk may run (deterministic, unlike the wall-clock --timeout).
/// Kept small: a string grown in a loop (`s = s .. x`) costs time and memory
/// quadratic in the instructions, and ASan's allocator keeps every size it saw,
/// so 200 000 instructions could take 13 s and 2 GB of RSS for one input.
let instructionLimit = 50_000
/// Bytes Lua may hold (--max-memory).
let memoryLimit = 8 << 20
let policy = SandboxPolicy(readableRoots: [], writableRoots: [], modulePath: [])

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    // A chunk may read standard input (io.read, io.lines()) or print: give it /dev/null
    // for both, so it can neither block the fuzzer nor flood its output.
    let null = open("/dev/null", O_RDWR)
    if null >= 0 {
        dup2(null, 0)
        dup2(null, 1)
        close(null)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let state: LuaState
    do {
        state = try LuaState()
        try state.applySandbox(policy)
    } catch {
        fatalError("FuzzLuaValue: cannot set up the sandboxed state: \(error)")
    }
    state.setMemoryLimit(bytes: memoryLimit)
    fuzz_lua_limit_instructions(state.L, instructionLimit)
    let top = fuzz_lua_gettop(state.L)
    defer { fuzz_lua_settop(state.L, top) }
    do {
        try state.load(source, chunkName: "=fuzz")
        try state.call(nargs: 0, nresults: -1)  // LUA_MULTRET
    } catch {
        return 0
    }
    let results = fuzz_lua_gettop(state.L)
    guard results > top else { return 0 }
    for index in (top + 1)...results {
        guard let first = try? state.stack.value(at: index) else { continue }
        _ = first.typeName
        _ = first.doubleValue
        state.push(first)
        let second = try? state.stack.value(at: -1)
        fuzz_lua_settop(state.L, results)
        guard let second else {
            fatalError(
                "FuzzLuaValue: result \(index - top) converted, was pushed back, and no longer converts: \(first)")
        }
        check(same(first, second), "result \(index - top) changed in the round trip: \(first) → \(second)")
    }
    return 0
}

/// Structural equality for the round trip: NaN equals NaN, any two functions are alike.
func same(_ a: LuaValue, _ b: LuaValue) -> Bool {
    switch (a, b) {
    case let (.number(x), .number(y)): return x == y || (x.isNaN && y.isNaN)
    case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case let (.record(x), .record(y)):
        return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
    case (.function, .function): return true
    default: return a == b
    }
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("FuzzLuaValue: \(message())") }
}
