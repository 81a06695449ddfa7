/// Unified diffs (`diff -u` format) of a file before and after, computed with
/// Myers' O(ND) algorithm on lines, so a reviewer sees exactly what apply writes.
///
/// Lines are compared only where the file was edited: apply's edits are byte ranges of the
/// old file, and everything between them is the same bytes in both files, so each edited
/// region (widened to whole lines, regions that touch merged) is diffed on its own and the
/// unchanged stretches between regions are passed over, reading only the context lines at
/// their ends. A diff of a few records in a million-line zone then costs the regions, not
/// the file (Myers' trace for the whole file took gigabytes).
public enum UnifiedDiff {
    /// A replacement of the old file's bytes `start..<end`.
    public struct Edit: Sendable {
        public var start: Int
        public var end: Int
        public var replacement: [UInt8]

        public init(start: Int, end: Int, replacement: [UInt8]) {
            self.start = start
            self.end = end
            self.replacement = replacement
        }
    }

    /// The diff of `old` and `new` under the names `a/PATH` and `b/PATH`, with `context` lines around changes;
    /// empty when they are equal.
    public static func diff(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        diff(old: old, edits: [Edit(start: 0, end: old.count, replacement: new)], path: path, context: context)
    }

    /// The diff of `old` and `old` with `edits` applied (sorted, not overlapping, as `SourceEdit` applies them).
    public static func diff(old: [UInt8], edits: [Edit], path: String, context: Int = 3) -> String {
        let script = editScript(old: old, edits: edits, context: context)
        guard script.contains(where: { $0.kind != .keep }) else { return "" }
        return "--- a/\(path)\n+++ b/\(path)\n" + hunks(script, context: context)
    }

    /// The script of the whole file with long unchanged stretches cut down: a stretch longer than
    /// `2 × context + 1` lines keeps its first and last `context` lines and one line between, which
    /// is never shown but keeps the hunks apart exactly as the whole stretch would.
    static func editScript(old: [UInt8], edits: [Edit], context: Int) -> [Step] {
        var script: [Step] = []
        var oldLine = 0
        var newLine = 0
        var position = 0  // bytes of old before this are in `script`
        for region in regions(old: old, edits: edits) {
            let gap = appendUnchanged(
                old, position..<region.start, to: &script, oldLine: oldLine, newLine: newLine,
                context: context)
            oldLine += gap
            newLine += gap
            var replaced: [UInt8] = []
            var cursor = region.start
            for edit in region.edits {
                replaced += old[cursor..<edit.start]
                replaced += edit.replacement
                cursor = edit.end
            }
            replaced += old[cursor..<region.end]
            let before = lines(old[region.start..<region.end])
            let after = lines(replaced[...])
            for step in editScript(before, after) {
                script.append(
                    Step(
                        kind: step.kind, text: step.text, oldLine: oldLine + step.oldLine,
                        newLine: newLine + step.newLine))
            }
            oldLine += before.count
            newLine += after.count
            position = region.end
        }
        appendUnchanged(old, position..<old.count, to: &script, oldLine: oldLine, newLine: newLine, context: context)
        return script
    }

    /// The edits grouped into regions of whole lines of `old`; regions that overlap or touch are one.
    private static func regions(old: [UInt8], edits: [Edit]) -> [(start: Int, end: Int, edits: [Edit])] {
        var regions: [(start: Int, end: Int, edits: [Edit])] = []
        for edit in edits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            var start = min(edit.start, old.count)
            while start > 0, old[start - 1] != 0x0A { start -= 1 }
            // The line holding the edit's last byte, or the line it is inserted into.
            var end = min(max(edit.end, edit.start + (edit.end > edit.start ? 0 : 1)), old.count)
            if end > start, edit.end > edit.start, old[end - 1] == 0x0A {
                // The edit ends with a whole line: the region ends there.
            } else {
                while end < old.count, old[end - 1] != 0x0A { end += 1 }
            }
            if let last = regions.last, start <= last.end {
                regions[regions.count - 1].end = max(last.end, end)
                regions[regions.count - 1].edits.append(edit)
            } else {
                regions.append((start, end, [edit]))
            }
        }
        return regions
    }

    /// Appends the unchanged lines of `old[range]` (whole lines), a run longer than `2 × context + 1`
    /// cut down to its first `context + 1` and last `context` lines; returns how many lines the run has.
    @discardableResult
    private static func appendUnchanged(
        _ old: [UInt8], _ range: Range<Int>, to script: inout [Step], oldLine: Int,
        newLine: Int, context: Int
    ) -> Int {
        let newlines = old.withUnsafeBufferPointer { buffer in
            buffer[range].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        let count = newlines + (range.isEmpty || old[range.upperBound - 1] == 0x0A ? 0 : 1)
        func append(_ texts: [String], from first: Int) {
            for (offset, text) in texts.enumerated() {
                script.append(
                    Step(kind: .keep, text: text, oldLine: oldLine + first + offset, newLine: newLine + first + offset))
            }
        }
        guard count > 2 * context + 1 else {
            append(lines(old[range]), from: 0)
            return count
        }
        // The first context + 1 lines, and the last context lines, found from each end.
        var headEnd = range.lowerBound
        for _ in 0..<(context + 1) {
            while old[headEnd] != 0x0A { headEnd += 1 }
            headEnd += 1
        }
        var tailStart = range.upperBound
        for _ in 0..<context {
            tailStart -= 1  // onto the line's last byte (its newline, or the end of a last line without one)
            while tailStart > range.lowerBound, old[tailStart - 1] != 0x0A { tailStart -= 1 }
        }
        append(lines(old[range.lowerBound..<headEnd]), from: 0)
        append(lines(old[tailStart..<range.upperBound]), from: count - context)
        return count
    }

    /// The script's changes in hunks of `context` lines of context.
    private static func hunks(_ script: [Step], context: Int) -> String {
        var out = ""
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
                // By bytes: in Swift "\r\n" is one Character, so `hasSuffix("\n")` misses CRLF lines.
                if step.text.utf8.last != 0x0A { out += "\n\\ No newline at end of file\n" }
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
    static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        var result: [String] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.endIndex { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
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
        let n = a.count
        let m = b.count
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
        var x = n
        var y = m
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
