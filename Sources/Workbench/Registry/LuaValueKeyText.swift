import AlmanacCore
import LuaBridge

extension LuaValue {
    /// A key (a SKU, a row name) as text, whether Lua gave a string or a number; nil for anything else.
    var keyText: String? {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let x): formatNumber(x)
        default: nil
        }
    }
}
