import Foundation
import MailAuth
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// The escaping rules of the machine-read outputs, on values that could break them.
struct OutputRenderingTests {
    @Test func githubAnnotationEscapesDataAndProperties() {
        let line = GitHubAnnotations.line(
            .error, title: "a: b, c", message: "100% sure\r\nsecond line",
            at: PlanLocation(file: "zones/db,x:y", line: 7, column: 3))
        #expect(line == "::error file=zones/db%2Cx%3Ay,line=7,col=3,title=a%3A b%2C c::100%25 sure%0D%0Asecond line\n")
    }

    @Test func githubAnnotationWithoutLocation() {
        #expect(GitHubAnnotations.line(.warning, title: nil, message: "m", at: nil) == "::warning::m\n")
    }

    @Test func markdownCodeSpansSurviveBackticksAndPipes() {
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("x|y", inTable: true) == "`x\\|y`")
        #expect(MarkdownText.code("`x") == "`` `x ``")
    }

    @Test func markdownPlainTextEscapesButKeepsPairedCodeSpans() {
        #expect(MarkdownText.plain("set `mx: add` for _dmarc") == "set `mx: add` for \\_dmarc")
        #expect(MarkdownText.plain("odd ` tick") == "odd \\` tick")
        #expect(MarkdownText.plain("<b>*x*</b>\nnext") == "\\<b\\>\\*x\\*\\</b\\> next")
    }

    @Test func markdownFenceOutgrowsTheContent() {
        #expect(MarkdownText.fence(for: "plain") == "```")
        #expect(MarkdownText.fence(for: "a ```` b") == "`````")
    }

    @Test func unifiedDiffKeepsCRLFLines() {
        let diff = UnifiedDiff.diff(old: Array("a\r\nb\r\n".utf8), new: Array("a\r\nc\r\n".utf8), path: "f")
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n")
        #expect(!diff.contains("No newline"))
    }

    @Test func unifiedDiffMarksAMissingFinalNewline() {
        let diff = UnifiedDiff.diff(old: Array("a\nb".utf8), new: Array("a\nc".utf8), path: "f")
        #expect(
            diff
                == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
        )
    }

    /// A diff made from edits compares only the edited lines: two edits far apart in a 100,000-line
    /// file give two small hunks, with the line numbers of the whole file.
    @Test func unifiedDiffFromEditsOfALargeFile() {
        let lines = (1...100_000).map { "line \($0)\n" }
        let old = Array(lines.joined().utf8)
        let second = lines[0].utf8.count
        let middle = lines[0..<50_000].reduce(0) { $0 + $1.utf8.count }
        let edits = [
            UnifiedDiff.Edit(start: second, end: second + lines[1].utf8.count, replacement: Array("line two\n".utf8)),
            UnifiedDiff.Edit(start: middle, end: middle, replacement: Array("inserted\n".utf8)),
        ]
        let diff = UnifiedDiff.diff(old: old, edits: edits, path: "big")
        #expect(
            diff == """
                --- a/big
                +++ b/big
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +line two
                 line 3
                 line 4
                 line 5
                @@ -49998,6 +49998,7 @@
                 line 49998
                 line 49999
                 line 50000
                +inserted
                 line 50001
                 line 50002
                 line 50003

                """)
    }

    /// Random edits of a file full of repeated lines (where diffs have many equally short answers):
    /// the diff made from the edits, applied as `patch` would, gives the edited file, and its
    /// hunks show at most three lines of context around changes.
    @Test func unifiedDiffFromEditsPatchesToTheEditedFile() throws {
        var random = SplitMix64(seed: 42)
        for round in 0..<300 {
            let lineCount = 1 + Int(random.next() % 60)
            var text = (0..<lineCount).map { _ in "l\(random.next() % 4)\n" }.joined()
            if random.next() % 4 == 0 { text += "last without newline" }
            let old = Array(text.utf8)
            var edits: [UnifiedDiff.Edit] = []
            var position = 0
            while position <= old.count, edits.count < 4 {
                let start = position + Int(random.next() % UInt64(max(1, old.count / 3)))
                guard start <= old.count else { break }
                let end = min(old.count, start + Int(random.next() % 8))
                let replacement = Array(
                    (0..<Int(random.next() % 3)).map { _ in "n\(random.next() % 4)\n" }.joined().utf8)
                edits.append(UnifiedDiff.Edit(start: start, end: end, replacement: replacement))
                position = end + 1
            }
            var new: [UInt8] = []
            var cursor = 0
            for edit in edits {
                new += old[cursor..<edit.start] + edit.replacement
                cursor = edit.end
            }
            new += old[cursor...]
            let diff = UnifiedDiff.diff(old: old, edits: edits, path: "f")
            let patched = try Self.patch(old, with: diff)
            let described = edits.map {
                "\($0.start)..<\($0.end) → \(String(decoding: $0.replacement, as: UTF8.self).debugDescription)"
            }
            #expect(patched == new, "round \(round): \(text.debugDescription) with \(described)\n\(diff)")
            if old == new { #expect(diff.isEmpty) }
        }
    }

    /// Applies a unified diff to `old` the way `patch` does, checking each hunk's context and counts.
    static func patch(_ old: [UInt8], with diff: String) throws -> [UInt8] {
        struct Malformed: Error { let why: String }
        guard !diff.isEmpty else { return old }
        let oldLines = UnifiedDiff.lines(old[...])
        var result: [String] = []
        var next = 0  // the next old line not yet copied
        var lines = diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var index = 2  // after the --- and +++ lines
        while index < lines.count {
            let header = lines[index]
            guard header.hasPrefix("@@ -") else { throw Malformed(why: "no hunk header: \(header)") }
            let numbers = header.dropFirst(4).split(separator: " ")[0].split(separator: ",")
            guard let first = Int(numbers[0]) else { throw Malformed(why: header) }
            let oldCount = numbers.count > 1 ? Int(numbers[1]) ?? -1 : 1
            let start = oldCount == 0 ? first : first - 1
            guard start >= next else { throw Malformed(why: "hunks out of order") }
            result += oldLines[next..<start]
            next = start
            index += 1
            var seenOld = 0
            var context = 0
            var lastLine: String?
            while index < lines.count, !lines[index].hasPrefix("@@") {
                let line = lines[index]
                index += 1
                if line == "\\ No newline at end of file" {
                    if var text = lastLine, text.hasSuffix("\n") {
                        text.removeLast()
                        if result.last == lastLine { result[result.count - 1] = text }
                    }
                    continue
                }
                let body = String(line.dropFirst()) + "\n"
                switch line.first {
                case " ":
                    guard next < oldLines.count, oldLines[next].trimmingSuffixNewline == body.trimmingSuffixNewline
                    else {
                        throw Malformed(why: "context does not match at old line \(next + 1)")
                    }
                    result.append(oldLines[next])
                    next += 1
                    seenOld += 1
                    context += 1
                    lastLine = oldLines[next - 1]
                case "-":
                    guard next < oldLines.count, oldLines[next].trimmingSuffixNewline == body.trimmingSuffixNewline
                    else {
                        throw Malformed(why: "deleted line does not match at old line \(next + 1)")
                    }
                    next += 1
                    seenOld += 1
                    lastLine = nil
                    context = 0
                case "+":
                    result.append(body)
                    lastLine = body
                    context = 0
                default:
                    throw Malformed(why: "unknown line \(line)")
                }
                guard context <= 6 else { throw Malformed(why: "more than 2 × 3 lines of context in a row") }
            }
            guard seenOld == oldCount else { throw Malformed(why: "hunk counts \(oldCount) old lines, has \(seenOld)") }
        }
        result += oldLines[next...]
        return Array(result.joined().utf8)
    }

    @Test func statusAndExitCodes() throws {
        var plan = Plan(
            declaration: "mailzone.yaml", zones: [ZonePlan(origin: try DomainName(parsing: "example.com."), file: "db")]
        )
        #expect(PlanStatus(plan) == .satisfied)
        #expect(PlanStatus(plan).checkExitCode == 0)
        plan.zones[0].files = [FileChange(path: "db", sha256: String(repeating: "0", count: 64), edits: [])]
        #expect(PlanStatus(plan) == .changesNeeded)
        #expect(PlanStatus(plan).checkExitCode == 2)
        #expect(PlanStatus(plan).planExitCode(detailed: false) == 0)
        #expect(PlanStatus(plan).planExitCode(detailed: true) == 2)
        plan.errors = [PlanFinding(severity: .error, message: "m")]
        #expect(PlanStatus(plan) == .failed)
        #expect(PlanStatus(plan).planExitCode(detailed: false) == 1)
    }

    @Test func aPlanOfAnotherVersionIsRefused() throws {
        #expect(throws: PlanJSONError.self) { try PlanJSON.decode(Data(#"{"version": 2}"#.utf8)) }
        #expect(throws: PlanJSONError.self) { try PlanJSON.decode(Data(#"{"zones": []}"#.utf8)) }
    }

    @Test func textTableAlignsAndTrimsTrailingSpace() {
        let table = TextTable(header: ["A", "Type", "Value"], rows: [["@", "MX", "x"], ["_dmarc", "TXT", ""]]).render()
        #expect(table == "A       Type  Value\n@       MX    x\n_dmarc  TXT\n")
    }
}

extension String {
    fileprivate var trimmingSuffixNewline: Substring { hasSuffix("\n") ? dropLast() : Substring(self) }
}

/// The plan and check documents put together zone by zone are the bytes of the whole plan encoded
/// at once, for every example (zones with changes, conflicts, errors, none).
@Suite struct PlanJSONAssemblerTests {
    @Test(arguments: ExamplesTests.examples)
    func sameBytesAsTheWholePlan(_ example: String) async throws {
        let directory = ExamplesTests.directory(example)
        // Named by its full path, so the zone files are found without changing directory.
        let path = directory.appendingPathComponent("mailzone.yaml").path
        let declaration = try DeclarationLoader.load(
            contentsOf: URL(fileURLWithPath: path), displayPath: path,
            builtInPresets: try PresetCatalog.builtIn(files: BuiltInPresets.files()))
        let options = PlannerOptions(now: Date(timeIntervalSince1970: 1_764_460_800))
        let plan = await Planner.plan(declaration, options: options).plan
        #expect(!plan.zones.isEmpty)
        var assembler = PlanJSONAssembler(declaration: plan.declaration, errors: plan.errors)
        for zone in plan.zones { try assembler.add(zone) }
        var planText = ""
        try assembler.writePlan { planText += $0 }
        #expect(planText == (try PlanJSON.encode(plan)))
        var checkText = ""
        try assembler.writeCheck { checkText += $0 }
        #expect(checkText == (try PlanJSON.encode(CheckReport(plan: plan))))
        #expect(assembler.tally == PlanTally(plan))
    }
}
