import Foundation
import Testing
@testable import MailZone

/// The escaping rules of the machine-read outputs, on values that could break them.
struct OutputRenderingTests {
    @Test func githubAnnotationEscapesDataAndProperties() {
        let line = GitHubAnnotations.line(.error, title: "a: b, c", message: "100% sure\r\nsecond line",
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
        #expect(diff == "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n")
    }

    @Test func statusAndExitCodes() {
        var plan = Plan(declaration: "mailzone.yaml", zones: [ZonePlan(origin: "example.com.", file: "db")])
        #expect(PlanStatus(plan) == .satisfied)
        #expect(PlanStatus(plan).checkExitCode == 0)
        plan.zones[0].files = [FileChange(path: "db", sha256: String(repeating: "0", count: 64), edits: [])]
        #expect(PlanStatus(plan) == .changesNeeded)
        #expect(PlanStatus(plan).checkExitCode == 2)
        #expect(PlanStatus(plan).planExitCode(detailed: false) == 0)
        #expect(PlanStatus(plan).planExitCode(detailed: true) == 2)
        plan.errors = [PlanFinding(severity: "error", message: "m")]
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
