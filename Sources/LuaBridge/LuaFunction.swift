import CLua

/// The body of a native function: reads its arguments from `call`, pushes its
/// results and returns how many. Throwing is the only way to report an error;
/// the trampoline raises it in Lua once this Swift frame is gone.
public typealias LuaNativeBody = (LuaCall) throws -> Int32

/// A native function's Swift half, kept alive by the Lua closure that holds it.
final class NativeFunctionBox {
    let name: String
    let body: LuaNativeBody
    init(name: String, body: @escaping LuaNativeBody) {
        self.name = name
        self.body = body
    }
}

/// Metatable name of the userdata that holds a NativeFunctionBox.
let closureBoxMetatable = "almanac.native_function"

/// Entered from almanac_trampoline (C) for every native call, by its C name
/// (a direct call: no function pointer, no thunk). Never lets a Swift error
/// escape: it leaves the error on the stack and returns a raise code.
@_cdecl("almanac_swift_dispatch")
func nativeDispatch(_ L: LuaStatePointer?) -> Int32 {
    guard let L, let raw = lua_touserdata(L, almanac_upvalueindex(1)) else { return ALMANAC_RAISE }
    // Upvalue 1 is the box's address; upvalue 2, the userdata that owns the box,
    // keeps it alive for the call: no retain/release needed.
    return Unmanaged<NativeFunctionBox>.fromOpaque(raw)._withUnsafeGuaranteedRef { box in
        do {
            return try box.body(LuaCall(L: L, function: box))
        } catch {
            return leaveOnStack(error, of: box, L)
        }
    }
}

/// Puts a native function's error on the stack for the trampoline to raise.
/// Kept out of line so the success path stays small.
@inline(never)
private func leaveOnStack(_ error: any Error, of box: NativeFunctionBox, _ L: LuaStatePointer) -> Int32 {
    switch error {
    case let error as LuaError:
        if let value = error.value {
            value.push(L)
        } else {
            LuaStack(L).push(string: error.message)
        }
        return ALMANAC_RAISE
    case let error as ScriptError:
        let bare = box.name.isEmpty || error.namesItsSubject
        LuaStack(L).push(string: worded(bare ? error.message : "\(box.name): \(error.message)", L))
        return ALMANAC_RAISE_WITH_WHERE
    default:
        LuaStack(L).push(string: worded(box.name.isEmpty ? "\(error)" : "\(box.name): \(error)", L))
        return ALMANAC_RAISE_WITH_WHERE
    }
}

/// `message` through the owning state's `errorWording`, if it has one.
private func worded(_ message: String, _ L: LuaStatePointer) -> String {
    guard let owner = almanac_limits_of(L).pointee.owner,
        let wording = Unmanaged<LuaState>.fromOpaque(owner).takeUnretainedValue().errorWording
    else { return message }
    return wording(message)
}

/// __gc of a closure box: drops the Swift half.
private let releaseClosureBox: lua_CFunction = { L in
    guard let L, let slot = lua_touserdata(L, 1) else { return 0 }
    let pointer = slot.assumingMemoryBound(to: UnsafeRawPointer?.self)
    if let raw = pointer.pointee {
        Unmanaged<NativeFunctionBox>.fromOpaque(raw).release()
        pointer.pointee = nil
    }
    return 0
}

extension LuaState {
    func registerClosureBoxMetatable() {
        luaL_newmetatable(L, closureBoxMetatable)
        lua_pushcclosure(L, releaseClosureBox, 0)
        lua_setfield(L, -2, "__gc")
        lua_settop(L, -2)
    }

    /// Registers `body` as the global function `name`.
    public func register(_ name: String, _ body: @escaping LuaNativeBody) {
        stack.pushFunction(name: name, upvalues: 0, body)
        setGlobalFromTop(name)
    }
}

extension LuaStack {
    /// Pushes a native function. `name` is how errors name it ("optimize.scalar").
    /// `upvalues` values already on the stack become its upvalues 3...n+2
    /// (read them at `LuaCall.upvalueIndex(k)`, k = 1...n).
    public func pushFunction(name: String, upvalues: Int32 = 0, _ body: @escaping LuaNativeBody) {
        let box = NativeFunctionBox(name: name, body: body)
        let address = Unmanaged.passRetained(box).toOpaque()
        lua_pushlightuserdata(L, address)
        let slot = almanac_newuserdata(L, MemoryLayout<UnsafeRawPointer?>.size)!
        slot.storeBytes(of: UnsafeRawPointer(address), as: UnsafeRawPointer?.self)
        luaL_setmetatable(L, closureBoxMetatable)
        if upvalues > 0 {  // the address and the owner go below the caller's upvalues
            lua_rotate(L, -(upvalues + 2), 2)
        }
        almanac_push_trampoline(L, upvalues + 2)
    }
}
