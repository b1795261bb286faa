import Foundation

/// Runs the real gnuplot on a generated program and checks what comes back:
/// a non-zero exit, an error on stderr or output that is not the promised
/// format becomes a `ChartError`, and a file is only ever written whole
/// (through a temporary file renamed into place).
public struct GnuplotRunner: Sendable {
    /// The gnuplot executable; `ALMANAC_GNUPLOT` overrides the search of PATH.
    public let executable: String

    public init(executable: String) {
        self.executable = executable
    }

    /// The gnuplot on this machine, or an error that says how to install it.
    public static func located(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ChartError)
        -> GnuplotRunner
    {
        if let path = environment["ALMANAC_GNUPLOT"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw ChartError("ALMANAC_GNUPLOT names '\(path)', which is not an executable program")
            }
            return GnuplotRunner(executable: path)
        }
        for folder in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = String(folder) + "/gnuplot"
            if FileManager.default.isExecutableFile(atPath: path) { return GnuplotRunner(executable: path) }
        }
        throw ChartError(
            "gnuplot is not installed, so charts cannot be drawn; install it (Debian: sudo apt-get install gnuplot-nox) or name it with ALMANAC_GNUPLOT"
        )
    }

    /// gnuplot's own version line ("gnuplot 5.4 patchlevel 4").
    public func version() -> String? {
        guard let out = try? execute(arguments: ["--version"], script: nil), out.status == 0 else { return nil }
        return String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `script` and returns what gnuplot wrote to standard output, checked against `format`.
    public func run(_ script: String, format: OutputFormat) throws(ChartError) -> Data {
        let out = try execute(arguments: [], script: script)
        let errors = String(decoding: out.stderr, as: UTF8.self)
        guard out.status == 0 else {
            throw ChartError("gnuplot failed (exit \(out.status)): \(Self.summary(of: errors))")
        }
        try Self.check(out.stdout, format: format, warnings: errors)
        return out.stdout
    }

    /// Runs `script` and writes its output to `path` in one piece.
    public func write(_ script: String, format: OutputFormat, to path: String) throws(ChartError) {
        let data = try run(script, format: format)
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)  // a temporary file renamed into place
        } catch {
            throw ChartError("cannot write the chart to '\(path)': \(error.localizedDescription)")
        }
    }

    static func check(_ data: Data, format: OutputFormat, warnings: String) throws(ChartError) {
        let bytes = [UInt8](data.prefix(16))
        let valid: Bool
        switch format {
        case .png: valid = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .pdf: valid = bytes.starts(with: Array("%PDF-".utf8))
        case .svg:
            valid =
                String(decoding: data.prefix(200), as: UTF8.self).contains("<svg")
                || String(decoding: data.prefix(400), as: UTF8.self).contains("<svg")
        case .text: valid = !data.isEmpty
        }
        guard valid, data.count > 64 else {
            let why = warnings.isEmpty ? "no \(format.rawValue) output" : summary(of: warnings)
            throw ChartError("gnuplot produced no valid \(format.rawValue.uppercased()) (\(data.count) bytes): \(why)")
        }
    }

    /// gnuplot's message without its echo of the offending line.
    static func summary(of stderr: String) -> String {
        let lines = stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let useful = lines.filter { !$0.isEmpty && $0 != "^" && !$0.hasPrefix("gnuplot>") }
        return useful.isEmpty ? "no message" : useful.prefix(3).joined(separator: "; ")
    }

    private struct Outcome {
        let status: Int32
        let stdout: Data
        let stderr: Data
    }

    /// Output goes to temporary files, not pipes, so a large chart cannot deadlock on a full pipe.
    private func execute(arguments: [String], script: String?) throws(ChartError) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "almanac-gnuplot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let input = folder.appendingPathComponent("figure.gp"), output = folder.appendingPathComponent("out"),
                errors = folder.appendingPathComponent("err")
            try Data((script ?? "").utf8).write(to: input)
            try Data().write(to: output)
            try Data().write(to: errors)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = script == nil ? arguments : arguments + [input.path]
            process.standardInput = FileHandle.nullDevice
            let outHandle = try FileHandle(forWritingTo: output), errHandle = try FileHandle(forWritingTo: errors)
            process.standardOutput = outHandle
            process.standardError = errHandle
            try process.run()
            process.waitUntilExit()
            try outHandle.close()
            try errHandle.close()
            return Outcome(
                status: process.terminationStatus, stdout: try Data(contentsOf: output),
                stderr: try Data(contentsOf: errors))
        } catch let error as ChartError {
            throw error
        } catch {
            throw ChartError("cannot run gnuplot at '\(executable)': \(error.localizedDescription)")
        }
    }
}
