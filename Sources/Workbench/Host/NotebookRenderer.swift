import Charts
import Foundation
import LuaBridge
import Reports

/// `almanac render`: runs a notebook-as-script in one Lua chunk (so locals
/// carry from cell to cell exactly as under `almanac run`) and collects what
/// each cell prints, tabulates and draws into a `Report`.
public enum NotebookRenderer {
    /// The run's report; `status` says whether a cell failed (the report then stops there).
    public static func render(_ notebook: Notebook, options: HostOptions, arguments: [String] = []) throws(HostError)
        -> Report
    {
        let started = DispatchTime.now()
        var options = options
        options.adoptHeaderSeed(notebook.header.seed)
        let host = try ScriptHost(options: options)
        let collector = ReportCollector(cellCount: notebook.cells.count)
        host.context.report = collector
        var status = ReportStatus.complete
        do {
            try installCapture(host, collector)
            try host.setScriptArguments(path: notebook.path, arguments)
            let source = notebook.instrumentedSource(cellCall: cellFunction)
            try host.runChunk(
                source, chunkName: "@" + displayPath(notebook.path), arguments: arguments.map { .string($0) })
        } catch {
            var message = error.message
            if let traceback = error.shortTraceback() { message += "\n" + traceback }
            collector.append(.error(message))
            status = .failed(cellIndex: max(collector.current, 1), message: error.message)
        }
        var rendered: [RenderedCell] = []
        for (i, cell) in notebook.cells.enumerated() {
            // Cells after a failure did not run: the report stops at the failing one.
            if case .failed(let failedCell, _) = status, i + 1 > failedCell { break }
            rendered.append(RenderedCell(cell: cell, outputs: collector.outputs[i]))
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Report(
            header: notebook.header, cells: rendered, status: status,
            reproducibility: reproducibility(notebook, host: host, seed: options.seed, seconds: seconds))
    }

    static let cellFunction = "__almanac_cell"

    /// print and io.write go to the current cell while rendering.
    static func installCapture(_ host: ScriptHost, _ collector: ReportCollector) throws(LuaError) {
        host.state.register(cellFunction) { call in
            collector.enter(cell: try call.integer(1, "cell"))
            return 0
        }
        host.state.register("__almanac_emit") { call in
            collector.append(.text(try call.string(1, "text")))
            return 0
        }
        try host.state.run(captureSource, chunkName: "=[almanac render]")
    }

    static let captureSource = #"""
        local emit, tostring, select, type, concat, format, mathtype = __almanac_emit, tostring, select, type, table.concat, string.format, math.type
        __almanac_emit = nil
        print = function(...)
          local parts = {}
          for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
          emit(concat(parts, "\t") .. "\n")
        end
        local stdout = io.stdout
        io.write = function(...)
          for i = 1, select("#", ...) do
            local v = select(i, ...)
            local t = type(v)
            if t == "number" then v = mathtype(v) == "integer" and format("%d", v) or format("%.14g", v)
            elseif t ~= "string" then error("bad argument #" .. i .. " to 'write' (string expected, got " .. t .. ")", 2) end
            emit(v)
          end
          return stdout
        end
        """#

    static func reproducibility(_ notebook: Notebook, host: ScriptHost, seed: UInt64, seconds: Double)
        -> ReproducibilityInfo
    {
        let scriptFolder = URL(fileURLWithPath: notebook.path).deletingLastPathComponent().path
        // Declared data files resolve against the current folder, then the script's.
        let declared = notebook.header.data.map { path -> String in
            if path.hasPrefix("/") || FileManager.default.fileExists(atPath: path) { return path }
            return scriptFolder + "/" + path
        }
        var seen = Set<String>(), files: [FileFingerprint] = []
        for path in declared + host.context.filesRead {
            let shown = displayPath(path)
            guard seen.insert(shown).inserted else { continue }
            // Under --safe a declared file outside the sandbox is not read, not even to hash it.
            var readable = true
            if let sandbox = host.context.sandbox, case .failure = sandbox.check(path, mode: "r") { readable = false }
            var fingerprint =
                readable ? ReproducibilityProbe.fingerprint(ofFile: path) : FileFingerprint(path: path, sha256: nil)
            fingerprint.path = shown
            files.append(fingerprint)
        }
        var script = ReproducibilityProbe.fingerprint(ofFile: notebook.path)
        script.path = displayPath(notebook.path)
        return ReproducibilityInfo(
            almanacVersion: almanacVersion, luaVersion: host.state.luaRelease,
            gnuplotVersion: (try? host.context.gnuplot())?.version(),
            operatingSystem: ReproducibilityProbe.operatingSystem(),
            seed: seed, script: script, dataFiles: files,
            git: ReproducibilityProbe.gitState(
                of: scriptFolder.isEmpty ? "." : scriptFolder, runningGit: !host.options.safe),
            wallTimeSeconds: seconds, renderedAt: ReproducibilityProbe.timestamp())
    }
}
