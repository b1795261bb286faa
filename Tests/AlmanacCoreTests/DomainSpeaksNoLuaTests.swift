import Foundation
import Testing

/// The domain modules are plain Swift, usable as a library: their messages give
/// advice in plain words (`UsageHint`) and Workbench says it in Lua. This scans
/// every string literal in their sources for Lua call syntax, so a message such
/// as "fill them first, e.g. s:fill_gaps(\"linear\")" cannot creep back.
///
/// Not scanned: `Forecasting/Catalog`, whose plugin descriptors carry the Lua
/// reference's documentation and runnable examples (data for the Lua face, not
/// messages), and comments.
@Suite struct DomainSpeaksNoLuaTests {
    static let domainModules = [
        "AlmanacCore", "LinearAlgebra", "TimeSeries", "Forecasting", "Inventory",
        "Optimization", "DataSources",
    ]
    static let exempt = ["Forecasting/Catalog/"]

    /// Lua call syntax: a module function (dist.normal(…)), a method call
    /// (s:fill_gaps(…), m:forecast{…}) or a table constructor with a key ({ key = …).
    static let luaSyntax = [
        #"\b(almanac|data|dist|forecast|inventory|optimize|plot|report|series)\.[a-z_]+ *[({"]"#,
        #"\b[a-z_][a-z0-9_]*:[a-z_][a-z0-9_]* *[({"]"#,
        #"\{ *[A-Za-z_][A-Za-z0-9_]* *= "#,
    ].compactMap { try? NSRegularExpression(pattern: $0) }

    static func luaSyntax(in text: String) -> String? {
        let range = NSRange(text.startIndex..., in: text)
        for pattern in luaSyntax {
            if let match = pattern.firstMatch(in: text, range: range), let r = Range(match.range, in: text) {
                return String(text[r])
            }
        }
        return nil
    }

    @Test func theScanRecognisesLuaCalls() {
        #expect(Self.luaSyntax.count == 3)
        #expect(Self.luaSyntax(in: "fill them first, e.g. s:fill_gaps(\"linear\")") != nil)
        #expect(Self.luaSyntax(in: "a distribution such as dist.normal(50, 8)") != nil)
        #expect(Self.luaSyntax(in: "pass it with forecast.fit(name, series, params, { promo = { ... } })") != nil)
        #expect(Self.luaSyntax(in: "or as m:forecast{ future = x }") != nil)
        #expect(Self.luaSyntax(in: "fill them first, e.g. by linear interpolation") == nil)
        #expect(Self.luaSyntax(in: "ets: the series has 1 missing value (first at 2020-03)") == nil)
    }

    @Test func domainStringLiteralsHaveNoLuaSyntax() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var scanned = 0
        for module in Self.domainModules {
            let folder = root.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else {
                Issue.record("no folder \(folder.path)")
                continue
            }
            for case let file as String in files where file.hasSuffix(".swift") {
                let path = module + "/" + file
                if Self.exempt.contains(where: { path.hasPrefix($0) }) { continue }
                let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (line, literal) in StringLiterals.in(source) {
                    if let found = Self.luaSyntax(in: literal) {
                        Issue.record("Sources/\(path):\(line): Lua syntax '\(found)' in \"\(literal)\"")
                    }
                }
                scanned += 1
            }
        }
        #expect(scanned > 100)
    }
}

/// The string literals of Swift source with their line numbers: "…" and """…"""
/// (escapes kept as written), without interpolated code and without comments.
enum StringLiterals {
    static func `in`(_ source: String) -> [(line: Int, text: String)] {
        let s = Array(source.unicodeScalars)
        var out: [(Int, String)] = []
        var i = 0, line = 1
        func at(_ k: Int) -> Character? { k < s.count ? Character(s[k]) : nil }
        while i < s.count {
            let c = at(i)
            if c == "\n" { line += 1; i += 1; continue }
            if c == "/" && at(i + 1) == "/" {  // line comment
                while i < s.count && at(i) != "\n" { i += 1 }
                continue
            }
            if c == "/" && at(i + 1) == "*" {  // block comment
                i += 2
                while i < s.count && !(at(i) == "*" && at(i + 1) == "/") { if at(i) == "\n" { line += 1 }; i += 1 }
                i += 2
                continue
            }
            guard c == "\"" else { i += 1; continue }
            let multiline = at(i + 1) == "\"" && at(i + 2) == "\""
            i += multiline ? 3 : 1
            let startLine = line
            var text = ""
            while i < s.count {
                let d = at(i)
                if d == "\\" && at(i + 1) == "(" {  // interpolation: skip the code inside
                    var depth = 0
                    i += 1
                    repeat {
                        if at(i) == "(" {
                            depth += 1
                        } else if at(i) == ")" {
                            depth -= 1
                        } else if at(i) == "\n" {
                            line += 1
                        }
                        i += 1
                    } while depth > 0 && i < s.count
                    text += " "
                    continue
                }
                if d == "\\" {
                    text.unicodeScalars.append(s[i]); if i + 1 < s.count { text.unicodeScalars.append(s[i + 1]) };
                    i += 2; continue
                }
                if multiline && d == "\"" && at(i + 1) == "\"" && at(i + 2) == "\"" { i += 3; break }
                if !multiline && d == "\"" { i += 1; break }
                if d == "\n" { if !multiline { break }; line += 1 }
                text.unicodeScalars.append(s[i])
                i += 1
            }
            out.append((startLine, text))
        }
        return out
    }
}
