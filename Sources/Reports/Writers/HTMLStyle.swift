/// The report's whole stylesheet, inlined so the file needs nothing else: system
/// fonts only, one readable column, print-friendly.
enum HTMLStyle {
    static let css = """
        :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --code-bg: #f6f8fa; --output-bg: #fbfbf7; --accent: #0b5cad; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
        h1 { font-size: 2rem; }
        a { color: var(--accent); }
        code, pre { font: 0.875rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; }
        pre { margin: 0; padding: 0.75rem 1rem; overflow-x: auto; white-space: pre; }
        .title-block { border-bottom: 1px solid var(--rule); margin-bottom: 2rem; padding-bottom: 1rem; }
        .title-block h1 { margin-top: 0; }
        .byline { color: var(--muted); margin: 0.25rem 0; }
        .description { margin: 0.75rem 0 0; }
        .banner { background: #fff1f0; border: 1px solid #cf222e; border-left-width: 6px; color: #82071e; padding: 0.75rem 1rem; margin: 0 0 2rem; border-radius: 4px; }
        .banner pre { padding: 0.5rem 0 0; white-space: pre-wrap; }
        .cell { margin: 1.5rem 0; }
        .cell-label { color: var(--muted); font-size: 0.8rem; margin: 0 0 0.25rem; }
        .source { background: var(--code-bg); border: 1px solid var(--rule); border-radius: 6px; }
        .output { border-left: 4px solid var(--rule); background: var(--output-bg); margin-top: 0.5rem; padding: 0.25rem 0 0.25rem 0.75rem; }
        .output > * { margin: 0.5rem 0; }
        .output pre { padding: 0.25rem 0; white-space: pre-wrap; }
        .not-run { color: var(--muted); font-style: italic; margin: 0.5rem 0 0; }
        .error { background: #fff1f0; border: 1px solid #cf222e; border-radius: 6px; color: #82071e; }
        .error pre { padding: 0.75rem 1rem; white-space: pre-wrap; }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.9rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.3rem 0.75rem; text-align: left; vertical-align: top; }
        th { border-bottom-width: 2px; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .missing { color: var(--muted); }
        figure { margin: 1rem 0; }
        figure img { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.25rem; }
        .reproducibility { border-top: 1px solid var(--rule); margin-top: 3rem; }
        .reproducibility th { font-weight: 600; white-space: nowrap; border-bottom-width: 1px; }
        .reproducibility td code { word-break: break-all; }
        @media print { main { max-width: none; padding: 0; } figure, tr { break-inside: avoid; } }
        """
}
