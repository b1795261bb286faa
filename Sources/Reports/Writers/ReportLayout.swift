import Foundation

/// The decisions both writers share, so HTML and Markdown always say the same:
/// the title, what a failure means for each cell, and the reproducibility rows.
struct ReportLayout {
    let report: Report

    /// The header's title, else the script's file name.
    var title: String {
        if let title = report.header.title { return title }
        let name = (report.reproducibility.script.path as NSString).lastPathComponent
        return name.isEmpty ? "Report" : name
    }

    /// "A. Analyst · 2025-01-31", or nil when the header has neither.
    var byline: String? {
        let parts = [report.header.author, report.header.date].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    /// The 1-based index of the failed cell, when the run failed inside a cell.
    var failedCell: Int? {
        guard case .failed(let index, _) = report.status, report.cells.indices.contains(index - 1) else { return nil }
        return index
    }

    /// The failure's message when the run failed outside every cell; the banner shows it.
    var failureOutsideCells: String? {
        guard case .failed(_, let message) = report.status, failedCell == nil else { return nil }
        return message
    }

    /// The failure's message for the failed cell when its outputs do not already show an error.
    func missingError(forCell index: Int) -> String? {
        guard case .failed(let failed, let message) = report.status, failed == index,
            report.cells.indices.contains(index - 1)
        else { return nil }
        return report.cells[index - 1].outputs.contains(where: \.isError) ? nil : message
    }

    /// Whether a code cell came after the failed one, and so never ran.
    func didNotRun(cell index: Int) -> Bool {
        guard let failed = failedCell, report.cells.indices.contains(index - 1) else { return false }
        return index > failed && report.cells[index - 1].cell.kind == .code
    }

    struct Row {
        let label: String
        let text: String
        var sha256: String?
        var isVolatile = false
    }

    /// The reproducibility panel, in a fixed order; the two volatile rows come last.
    var reproducibilityRows: [Row] {
        let info = report.reproducibility
        var rows = [
            Row(label: "Almanac", text: info.almanacVersion),
            Row(label: "Lua", text: info.luaVersion),
            Row(label: "gnuplot", text: info.gnuplotVersion ?? "not found"),
            Row(label: "Operating system", text: info.operatingSystem),
            Row(label: "Seed", text: info.seed.map { String($0) } ?? "not set"),
            Row(label: "Script", text: info.script.path, sha256: info.script.sha256 ?? "unreadable"),
        ]
        for file in info.dataFiles {
            rows.append(Row(label: "Data file", text: file.path, sha256: file.sha256 ?? "unreadable"))
        }
        let git = info.git.map { state in
            switch state.isDirty {
            case true?: state.commit + " (dirty: uncommitted changes)"
            case false?: state.commit
            case nil: state.commit + " (uncommitted changes not checked: --safe runs no git)"
            }
        }
        rows.append(Row(label: "Git commit", text: git ?? "not in a git repository"))
        rows.append(Row(label: "Wall time", text: String(format: "%.2f s", info.wallTimeSeconds), isVolatile: true))
        rows.append(Row(label: "Rendered at", text: info.renderedAt, isVolatile: true))
        return rows
    }
}

extension CellOutput {
    var isError: Bool { if case .error = self { true } else { false } }
}
