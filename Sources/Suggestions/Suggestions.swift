/// "Did you mean" for misspelt option, field and plugin names.

/// The candidate closest to `word` by edit distance (transpositions count as
/// one edit), if it is close enough to be a plausible typo: at most one edit
/// for short words, two for longer ones, and a shared prefix breaks ties.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    let allowed = lowered.count <= 4 ? 1 : (lowered.count <= 8 ? 2 : 3)
    var best: (name: String, distance: Int)?
    for candidate in candidates.sorted() {
        let d = editDistance(lowered, candidate.lowercased())
        if d <= allowed, d < (best?.distance ?? Int.max) { best = (candidate, d) }
    }
    if let best { return best.name }
    // A word that is a prefix of exactly one candidate ("hold" for "holding_cost").
    let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) && lowered.count >= 3 }
    return prefixed.count == 1 ? prefixed[0] : nil
}

/// Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring).
public func editDistance(_ a: String, _ b: String) -> Int {
    let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
    if s.isEmpty { return t.count }
    if t.isEmpty { return s.count }
    var previous2 = [Int](repeating: 0, count: t.count + 1)
    var previous = Array(0...t.count)
    var current = [Int](repeating: 0, count: t.count + 1)
    for i in 1...s.count {
        current[0] = i
        for j in 1...t.count {
            let cost = s[i - 1] == t[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = value
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[t.count]
}
