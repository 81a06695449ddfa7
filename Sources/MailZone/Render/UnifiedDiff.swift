/// Unified diffs (`diff -u` format) of a file before and after, computed with
/// Myers' O(ND) algorithm on lines, so a reviewer sees exactly what apply writes.
public enum UnifiedDiff {
    /// The diff of `old` and `new` under the names `a/PATH` and `b/PATH`, with `context` lines around changes;
    /// empty when they are equal.
    public static func diff(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = editScript(a, b)
        guard script.contains(where: { $0.kind != .keep }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Group the script into hunks with `context` lines of context.
        var index = 0
        while index < script.count {
            guard let change = script[index...].firstIndex(where: { $0.kind != .keep }) else { break }
            let start = max(index, change - context)
            var end = change
            var lastChange = change
            while end < script.count {
                if script[end].kind != .keep { lastChange = end }
                if end - lastChange > context * 2 { break }
                end += 1
            }
            let stop = min(script.count, lastChange + context + 1)
            let hunk = script[start..<stop]
            let oldStart = hunk.first.map { $0.oldLine } ?? 0
            let newStart = hunk.first.map { $0.newLine } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                switch step.kind {
                case .keep: out += " " + step.text
                case .delete: out += "-" + step.text
                case .insert: out += "+" + step.text
                }
                if !step.text.hasSuffix("\n") { out += "\n\\ No newline at end of file\n" }
            }
            index = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        // diff -u numbers an empty range by the line before it.
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    /// Lines with their line endings kept, so CRLF and a missing final newline show.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    struct Step {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        var text: String
        /// Lines before this step in each file (0-based positions).
        var oldLine: Int
        var newLine: Int
    }

    /// Myers' shortest edit script.
    static func editScript(_ a: [String], _ b: [String]) -> [Step] {
        let n = a.count, m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                    x = v[k + 1 + max]
                } else {
                    x = v[k - 1 + max] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n, y >= m { break outer }
            }
        }
        // Backtrack.
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK: Int
            if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                previousK = k + 1
            } else {
                previousK = k - 1
            }
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                steps.append(Step(kind: .keep, text: a[x], oldLine: x, newLine: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    steps.append(Step(kind: .insert, text: b[y], oldLine: x, newLine: y))
                } else {
                    x -= 1
                    steps.append(Step(kind: .delete, text: a[x], oldLine: x, newLine: y))
                }
            }
        }
        return steps.reversed()
    }
}
