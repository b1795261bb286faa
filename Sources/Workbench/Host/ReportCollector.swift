import Reports

/// What the cells of a notebook produce while it renders: the host sends
/// printed text, tables, markdown and figures here instead of the terminal.
final class ReportCollector {
    private(set) var outputs: [[CellOutput]]
    /// The cell running now, 1-based as the instrumented script numbers them (0: before any cell).
    private(set) var current = 0

    init(cellCount: Int) {
        outputs = Array(repeating: [], count: cellCount)
    }

    func enter(cell n: Int) {
        if outputs.indices.contains(n - 1) { current = n }
    }

    /// Adds to the current cell; consecutive printed text joins into one block.
    func append(_ output: CellOutput) {
        guard current >= 1 else { return }
        let i = current - 1
        if case .text(let more) = output, case .text(let earlier)? = outputs[i].last {
            outputs[i][outputs[i].count - 1] = .text(earlier + more)
        } else {
            outputs[i].append(output)
        }
    }
}
