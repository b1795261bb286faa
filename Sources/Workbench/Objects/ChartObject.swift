import AlmanacCore
import Charts
import Foundation
import LuaBridge
import Reports

/// A chart as Lua holds it (from plot.*): it can be saved again, or show the
/// gnuplot program that draws it (every step visible, for teaching).
public final class ChartObject: LuaUserdata, ScriptReceiver {
    static let receiverName = "chart"
    public static let luaClassName = "Chart"
    let figure: Figure
    let context: HostContext

    init(_ figure: Figure, context: HostContext) {
        self.figure = figure
        self.context = context
    }

    public static func luaClass() -> LuaClass<ChartObject> {
        var c = LuaClass<ChartObject>(summary: "a chart drawn by plot.*; save it again or read its gnuplot program")
        c.properties = [
            LuaProperty("title", .string, "the chart's title") {
                .string($0.figure.title.isEmpty ? $0.figure.panels.first?.title ?? "" : $0.figure.title)
            },
            LuaProperty("panels", .integer, "how many panels it has") { .integer(Int64($0.figure.panels.count)) },
        ]
        c.methods = [
            LuaMethod(
                "save",
                summary: "draws it into a .png, .svg, .pdf or .txt file (relative paths go into the output folder)",
                arguments: SaveArguments.self, returns: [.init(.string, "path")]
            ) { me, args, call in
                let path = try me.save(to: args.path)
                return call.returning(.string(path))
            },
            LuaMethod(
                "gnuplot",
                summary: "the gnuplot program that draws it (format \"svg\" by default, or \"png\", \"pdf\", \"text\")",
                arguments: GnuplotArguments.self, returns: [.init(.string)]
            ) { me, args, call in
                guard let format = OutputFormat(rawValue: args.format) else {
                    throw ScriptError("chart:gnuplot: format must be one of png, svg, pdf, text; got '\(args.format)'")
                }
                return call.returning(.string(try GnuplotScript.render(me.figure, format: format)))
            },
        ]
        c.tostring = { me in
            let title = me.figure.title.isEmpty ? me.figure.panels.first?.title ?? "" : me.figure.title
            return "Chart '\(title)' (\(me.figure.panels.count) panel\(me.figure.panels.count == 1 ? "" : "s"))"
        }
        return c
    }

    /// Writes the chart to `path`, the format from its extension; returns the path written.
    func save(to path: String) throws -> String {
        guard let format = OutputFormat(fileName: path) else {
            throw ScriptError(
                "cannot tell the chart format from '\(path)': name a file ending in \(OutputFormat.extensions)")
        }
        let full = try context.writablePath(path)
        let script = try GnuplotScript.render(figure, format: format, textSize: ChartOutput.textSize())
        try context.gnuplot().write(script, format: format, to: full)
        return full
    }
}

/// The declared arguments of the Chart methods (see LuaArguments).
extension ChartObject {
    struct SaveArguments: LuaArguments {
        var path = ""
        static let arguments: [LuaArgument<Self>] = [.required(\.path, "a file ending in .png, .svg, .pdf or .txt")]
    }

    struct GnuplotArguments: LuaArguments {
        /// A String, not a choice: the message for an unknown format is the method's own.
        var format = "svg"
        static let arguments: [LuaArgument<Self>] = [
            .optional(\.format, "the terminal the program draws for", type: .oneOf(["svg", "png", "pdf", "text"]))
        ]
    }
}

/// Where a chart goes when the script names no file.
enum ChartOutput {
    /// The terminal's size in characters (a text chart fills its width), or 100 × 30.
    static func textSize() -> TextSize {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40,
            size.ws_row >= 12
        {
            return TextSize(columns: min(Int(size.ws_col), 160), rows: min(Int(size.ws_row) - 2, 50))
        }
        return .standard
    }

    /// Into the report when rendering; as text on standard output otherwise.
    static func show(_ figure: Figure, caption: String, context: HostContext) throws {
        if let report = context.report {
            let script = try GnuplotScript.render(figure, format: .svg)
            let svg = try context.gnuplot().run(script, format: .svg)
            report.append(.figure(svg: String(decoding: svg, as: UTF8.self), caption: caption))
            return
        }
        let script = try GnuplotScript.render(figure, format: .text, textSize: textSize())
        writeToStandardOutput(String(decoding: try context.gnuplot().run(script, format: .text), as: UTF8.self))
    }
}

extension HostContext {
    /// The gnuplot runner, found once per session.
    func gnuplot() throws(ChartError) -> GnuplotRunner {
        if let runner = gnuplotRunner { return runner }
        let runner = try GnuplotRunner.located()
        gnuplotRunner = runner
        return runner
    }
}
