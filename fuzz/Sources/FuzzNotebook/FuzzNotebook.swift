// libFuzzer harness for the notebook parser (Sources/Reports/Notebook): the input
// is a notebook script, read as `almanac render` reads a file (bytes decoded as
// UTF-8), parsed into header and cells, then turned into the instrumented chunk.
// A thrown NotebookError is a normal outcome.
//
// Besides crashes, checked (a failure is a finding): every cell's marker and
// content lines lie within the script, and the instrumented source has exactly as
// many lines as the script (Lua's error lines must point into the original file).

import Reports

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? NotebookParser.header(source: source, path: "fuzz.lua")
    let notebook: Notebook
    do { notebook = try NotebookParser.parse(source: source, path: "fuzz.lua") } catch { return 0 }
    let lineCount = notebook.sourceLines.count
    for (i, cell) in notebook.cells.enumerated() {
        if let marker = cell.markerLine {
            check((1...lineCount).contains(marker), "cell \(i + 1): marker line \(marker) of \(lineCount)")
        }
        if let lines = cell.contentLines {
            check(
                lines.lowerBound >= 1 && lines.upperBound <= lineCount,
                "cell \(i + 1): content lines \(lines) of \(lineCount)")
        }
    }
    if let header = notebook.headerLines {
        check(header.lowerBound >= 1 && header.upperBound <= lineCount, "header lines \(header) of \(lineCount)")
    }
    let chunk = notebook.instrumentedSource(cellCall: "__cell")
    let chunkLines = chunk.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count
    check(chunkLines == lineCount, "the instrumented source has \(chunkLines) lines, the script \(lineCount)")
    return 0
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("FuzzNotebook: \(message())") }
}
