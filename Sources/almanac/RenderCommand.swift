import ArgumentParser
import Foundation
import Reports
import Workbench

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Run a notebook-as-script and write one self-contained report (HTML or Markdown).",
        discussion: """
            Cells are marked as in Jupytext's percent format: `-- %%` starts a code cell, `-- %% [markdown]` a \
            prose cell written as Lua comments; an optional header (`-- ---` ... `-- ---`) gives title, author, \
            seed and data files. Files the script writes (charts with out =) go next to the report. \
            Exit status: 0 when every cell ran, 1 when a cell failed (the report is still written, marked as \
            failed, up to that cell), 2 when the notebook cannot be read or the report cannot be written. See docs/reports.md.
            """)

    @OptionGroup var flags: HostFlags

    @Option(name: [.customShort("o"), .long], help: "The report to write (default: out/<script>.html).")
    var output: String?

    @Option(help: ArgumentHelp("html or md (default: from the report's extension, else html).", valueName: "format"))
    var format: String?

    @Argument(help: "The notebook script (.lua).")
    var script: String

    // Options may follow the script (almanac render nb.lua -o report.html); the script's own arguments come after --.
    @Argument(parsing: .postTerminator, help: "Arguments for the script, after --.")
    var arguments: [String] = []

    func validate() throws {
        if let format, !["html", "md"].contains(format) {
            throw ValidationError("--format must be html or md, got '\(format)'")
        }
    }

    func run() throws {
        let notebook: Notebook
        do { notebook = try NotebookParser.parse(fileAt: script) } catch {
            Diagnostics.print("almanac: \(error.message)")
            throw ExitCode(2)
        }
        let base = URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent
        let markdown = format == "md" || (format == nil && (output?.hasSuffix(".md") ?? false))
        let target = output ?? "out/\(base).\(markdown ? "md" : "html")"
        let reportFolder = URL(fileURLWithPath: target).deletingLastPathComponent().path
        let directory = URL(fileURLWithPath: script).deletingLastPathComponent().path
        let report: Report
        do {
            report = try NotebookRenderer.render(
                notebook, options: flags.hostOptions(scriptDirectory: directory, outputDirectory: reportFolder),
                arguments: arguments)
        } catch {
            Diagnostics.print("almanac: \(error.message)")
            throw ExitCode(2)
        }
        let text = markdown ? MarkdownReportWriter.render(report) : HTMLReportWriter.render(report)
        do { try writeWhole(text, to: target) } catch {
            Diagnostics.print("almanac: cannot write the report to '\(target)': \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if case .failed(let cell, let message) = report.status {
            Diagnostics.print(message)
            Diagnostics.print("almanac: cell \(cell) failed; the report up to it is in \(target), marked as failed")
            throw ExitCode(1)
        }
        Diagnostics.print("almanac: wrote \(target)")
    }

    /// Through a temporary file renamed into place, so a reader never sees half a report.
    func writeWhole(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
