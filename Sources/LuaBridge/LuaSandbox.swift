import CLua
import Foundation

/// What a script run with `--safe` may touch: it reads only below
/// `readableRoots`, writes only below `writableRoots`, runs no programs, loads
/// no binary chunks or C libraries, and has no `debug` library (which could
/// remove the time-limit hook).
public struct SandboxPolicy: Sendable {
    public var readableRoots: [String]
    public var writableRoots: [String]
    /// Folders `require` searches (the script's folder).
    public var modulePath: [String]

    public init(readableRoots: [String], writableRoots: [String], modulePath: [String]) {
        self.readableRoots = readableRoots.compactMap(canonicalPath)
        self.writableRoots = writableRoots.compactMap(canonicalPath)
        self.modulePath = modulePath
    }

    /// The canonical path of `path` if the policy lets `mode` ("r", "w", "a", "r+", ...) use it.
    public func check(_ path: String, mode: String) -> Result<String, ScriptError> {
        let writes = mode.contains("w") || mode.contains("a") || mode.contains("+")
        guard let resolved = canonicalPath(path) else {
            return .failure(ScriptError("'\(path)': its folder does not exist"))
        }
        // A symbolic link as the last component is refused for writing: a
        // dangling one resolves to its own name inside the folder, but opening
        // it for writing would create the file it points to, anywhere.
        if writes, isSymbolicLink(path) {
            return .failure(ScriptError("'\(path)' is a symbolic link; a --safe script may not write through one"))
        }
        let roots = writes ? writableRoots : readableRoots + writableRoots
        if roots.contains(where: { isInside(resolved, root: $0) }) {
            return .success(resolved)
        }
        let what = writes ? "write" : "read"
        let allowed =
            writes ? "the output folder (-o/--out)" : "the script's folder, --data folders and the output folder"
        return .failure(ScriptError("'\(path)' is outside the folders a --safe script may \(what): \(allowed)"))
    }
}

/// Whether `path` is `root` or below it, compared byte by byte: Swift's String
/// comparison treats canonically equivalent Unicode spellings as equal, but
/// the file system does not, so "café" in NFD is another folder than in NFC.
func isInside(_ path: String, root: String) -> Bool {
    let p = Array(path.utf8), r = Array(root.utf8)
    if p == r { return true }
    let prefix = r.last == UInt8(ascii: "/") ? r : r + [UInt8(ascii: "/")]
    return p.starts(with: prefix)
}

/// Whether the last component of `path` is a symbolic link (dangling or not).
public func isSymbolicLink(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
}

/// Absolute path with symbolic links and `..` resolved; for a file that does
/// not exist yet, its folder is resolved and the name appended.
public func canonicalPath(_ path: String) -> String? {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    if let resolved = realpath(absolute, nil) {
        defer { free(resolved) }
        return String(cString: resolved)
    }
    let url = URL(fileURLWithPath: absolute)
    let name = url.lastPathComponent
    guard name != "..", name != ".", let parent = realpath(url.deletingLastPathComponent().path, nil) else {
        return nil
    }
    defer { free(parent) }
    let folder = String(cString: parent)
    return folder == "/" ? "/" + name : folder + "/" + name
}

extension LuaState {
    /// Restricts the globals as `policy` says. Call before loading untrusted code.
    public func applySandbox(_ policy: SandboxPolicy) throws(LuaError) {
        stack.pushFunction(name: "") { call in
            let path = try call.string(1, "path")
            let mode = call.stack.string(at: 2) ?? "r"
            switch policy.check(path, mode: mode) {
            case .success(let resolved): return call.returning(.string(resolved))
            case .failure(let error): return call.returning(.nil, .string(error.message))
            }
        }
        let checker = LuaReference(popping: L)
        let modulePath = policy.modulePath.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }.joined(separator: ";")
        try run(sandboxPrelude, chunkName: "=[almanac sandbox]", arguments: [.function(checker), .string(modulePath)])
    }
}

extension LuaState {
    /// Makes the standard library, every module and every global that exists
    /// now read-only (see `sealingPrelude`). The host calls it once its own
    /// set-up (plugins, a render's output capture) is done, right before the
    /// first untrusted chunk runs.
    public func sealGlobals() throws(LuaError) {
        try run(sealingPrelude, chunkName: "=[almanac sandbox]")
    }
}

/// Runs once with the path checker and `require`'s search path as arguments.
/// Wrappers raise at the caller's level (error(..., 2)) so messages point at the script.
private let sandboxPrelude = #"""
    local check, module_path = ...
    local io_open, io_lines, io_input, io_output = io.open, io.lines, io.input, io.output
    local os_remove, os_rename = os.remove, os.rename
    local load_, error, type, select = load, error, type, select

    local function disabled(name)
      return function() error(name .. " is not available in --safe mode", 2) end
    end
    for _, name in ipairs { "execute", "exit", "getenv", "tmpname", "setlocale" } do
      os[name] = disabled("os." .. name)
    end
    io.popen = disabled("io.popen")
    io.tmpfile = disabled("io.tmpfile")
    package.loadlib = disabled("package.loadlib")
    string.dump = disabled("string.dump")
    debug = nil
    package.loaded.debug = nil
    package.cpath = ""
    package.path = module_path

    local function checked(path, mode, fname, level)
      if type(path) ~= "string" then
        error(fname .. ": the path must be a string, got " .. type(path), level + 1)
      end
      local resolved, why = check(path, mode)
      if not resolved then error(fname .. ": " .. why, level + 1) end
      return resolved
    end

    io.open = function(path, mode)
      return io_open(checked(path, mode or "r", "io.open", 2), mode)
    end
    io.lines = function(path, ...)
      if path == nil then return io_lines() end
      return io_lines(checked(path, "r", "io.lines", 2), ...)
    end
    io.input = function(file)
      if type(file) == "string" then return io_input(checked(file, "r", "io.input", 2)) end
      return io_input(file)
    end
    io.output = function(file)
      if type(file) == "string" then return io_output(checked(file, "w", "io.output", 2)) end
      return io_output(file)
    end
    os.remove = function(path) return os_remove(checked(path, "w", "os.remove", 2)) end
    os.rename = function(from, to)
      return os_rename(checked(from, "w", "os.rename", 2), checked(to, "w", "os.rename", 2))
    end

    -- Text chunks only: a binary chunk can break the interpreter's invariants.
    -- (An absent env and an explicit nil differ in Lua, hence the varargs.)
    load = function(chunk, name, mode, ...)
      if select("#", ...) == 0 then return load_(chunk, name, "t") end
      return load_(chunk, name, "t", (...))
    end
    local function read_all(path, fname, level)
      local file, why = io_open(checked(path, "r", fname, level + 1), "r")
      if not file then return nil, why end
      local text = file:read("a")
      file:close()
      return text
    end
    loadfile = function(path, mode, ...)
      if path == nil then error("loadfile: reading standard input is not available in --safe mode", 2) end
      local text, why = read_all(path, "loadfile", 2)
      if not text then return nil, why end
      if select("#", ...) == 0 then return load_(text, "@" .. path, "t") end
      return load_(text, "@" .. path, "t", (...))
    end
    dofile = function(path)
      if path == nil then error("dofile: reading standard input is not available in --safe mode", 2) end
      local text, why = read_all(path, "dofile", 2)
      if not text then error(why, 2) end
      local chunk, err = load_(text, "@" .. path, "t")
      if not chunk then error(err, 2) end
      return chunk()
    end

    -- require: preloaded modules, then Lua files below the script's folder, as text.
    local function lua_searcher(name)
      local path, err = package.searchpath(name, package.path)
      if not path then return "\n\t" .. err end
      local resolved = check(path, "r")
      if not resolved then return "\n\tno file '" .. path .. "' (outside the script's folder)" end
      local file = io_open(resolved, "r")
      local text = file:read("a")
      file:close()
      local chunk, lerr = load_(text, "@" .. path, "t")
      if not chunk then error("error loading module '" .. name .. "' from file '" .. path .. "':\n\t" .. lerr, 3) end
      return chunk, path
    end
    package.searchers = { package.searchers[1], lua_searcher }

    """#

/// Read-only globals for --safe (`sealGlobals`).
private let sealingPrelude = #"""
    -- Read-only globals, as Redis does: a script may not replace math.max,
    -- forecast.fit, data.csv, pairs or the string metatable, which plugins (and
    -- scripts written by others that it loads) rely on. Every table among the
    -- globals is served through a proxy that refuses writes; the globals that
    -- exist now move behind _G's __index, so assigning one fails too, while new
    -- globals of the script's own work as usual.
    local setmetatable, getmetatable, rawset, rawequal, tostring, next = setmetatable, getmetatable, rawset, rawequal, tostring, next
    local error, type = error, type
    local package_table, loaded = package, package.loaded
    local originals = {}   -- proxy -> the table it guards
    local function refuse(what, key, level)
      error("cannot change " .. what .. tostring(key) .. ": the standard library and Almanac's modules are read-only in --safe mode", level + 1)
    end
    local function freeze(t, name, seen)
      if seen[t] then return seen[t] end
      local proxy = {}
      seen[t] = proxy
      for k, v in next, t do
        -- require reads package.searchers and package.loaded raw: those stay as they are.
        if type(v) == "table" and type(k) == "string" and not (rawequal(t, package_table) and (k == "loaded" or k == "searchers" or k == "preload")) then
          rawset(t, k, freeze(v, name .. k .. ".", seen))
        end
      end
      originals[proxy] = t
      setmetatable(proxy, {
        __index = t,
        __newindex = function(_, k) refuse(name, k, 2) end,
        __len = function() return #t end,
        __metatable = "read-only in --safe mode",
      })
      return proxy
    end
    local frozen, seen = {}, {}
    for k, v in next, _G do
      if k ~= "_G" then frozen[k] = type(v) == "table" and freeze(v, k .. ".", seen) or v end
    end
    frozen._G = _G
    for k in next, frozen do
      if k ~= "_G" then rawset(_G, k, nil) end
    end
    -- require("math") must hand out the same guarded table.
    for name, module in next, loaded do
      if seen[module] then loaded[name] = seen[module] end
    end
    -- Strings keep their methods; the table behind them is no longer reachable.
    getmetatable("").__metatable = "read-only in --safe mode"
    setmetatable(_G, {
      __index = frozen,
      __newindex = function(t, k, v)
        if frozen[k] ~= nil then refuse("the global ", k, 2) end
        rawset(t, k, v)
      end,
      __metatable = "read-only in --safe mode",
    })
    local pairs_ = frozen.pairs
    frozen.rawset = function(t, k, v)
      if originals[t] then refuse("", k, 2) end
      if rawequal(t, _G) and frozen[k] ~= nil then refuse("the global ", k, 2) end
      return rawset(t, k, v)
    end
    frozen.pairs = function(t)
      if originals[t] then return pairs_(originals[t]) end
      return pairs_(t)
    end
    frozen.next = function(t, k)
      if originals[t] then return next(originals[t], k) end
      return next(t, k)
    end
    """#
