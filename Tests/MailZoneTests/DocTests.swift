import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The docs are tested: every ```` ```console ```` block of README.md and docs/*.md is run
/// against the built `mailzone` and must print what the docs show (see `DocExamples` for the
/// block format). Each document runs in its own copy of `examples/` and `schemas/` (so a
/// documented `apply` changes only the copy), with the environment of the examples' goldens
/// (`SOURCE_DATE_EPOCH=1796083200`, `NO_COLOR=1`).
///
/// `MAILZONE_RECORD=1 swift test --filter DocTests` writes the actual outputs into the
/// Markdown; review the diff: the new output must be the truthful one. A ```` ```yaml
/// file=…/mailzone.yaml ```` block must also load as a declaration without errors.
@Suite(
    .enabled(
        if: MailzoneBinary.shouldRun,
        "build the mailzone binary first: swift build --product mailzone"))
struct DocTests {
    static let root = DeclarationFixtures.packageRoot

    /// README.md and every docs/*.md, relative to the package root.
    static let documents: [String] = {
        let docs =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }()

    @Test func everyDocumentIsFound() {
        #expect(Self.documents.contains("docs/COMMANDS.md"))
        #expect(Self.documents.contains("docs/DECLARATION.md"))
    }

    @Test(arguments: documents)
    func consoleBlocksPrintWhatTheDocsShow(_ document: String) throws {
        let binary = try #require(MailzoneBinary.url, "the mailzone binary is not built")
        let url = Self.root.appendingPathComponent(document)
        let examples = DocExamples(path: document, text: try String(contentsOf: url, encoding: .utf8))
        let scratch = try ApplySupport.temporaryDirectory()
        for folder in ["examples", "schemas"] {
            try FileManager.default.copyItem(
                at: Self.root.appendingPathComponent(folder),
                to: scratch.appendingPathComponent(folder))
        }
        var rewrites: [(lines: Range<Int>, actual: [String])] = []
        for block in examples.blocks {
            switch block {
            case .file(let line, let path, let text):
                let target = scratch.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: target, atomically: true, encoding: .utf8)
                // A declaration in the docs is one a user may copy: it must load without errors.
                if path.hasSuffix("mailzone.yaml") {
                    do {
                        _ = try DeclarationSource.load(path: target.path)
                    } catch {
                        Issue.record("\(document):\(line): the declaration shown has errors:\n\(error.description)")
                    }
                }
            case .session(_, let commands):
                var directory = scratch.path
                for command in commands {
                    let (output, after) = try Self.run(command.text, in: directory, binary: binary, scratch: scratch)
                    directory = after
                    var actual = output.components(separatedBy: "\n")
                    if actual.last == "" { actual.removeLast() }
                    if !DocExamples.matches(command.expected[...], actual[...]) {
                        rewrites.append((command.outputLines, actual))
                        if !GoldenFile.recording {
                            Issue.record(
                                """
                                \(document):\(command.line): `\(command.text)` printed:
                                \(actual.joined(separator: "\n"))
                                but the docs show:
                                \(command.expected.joined(separator: "\n"))
                                Fix the output or the docs (the expected output is right under the command; \
                                MAILZONE_RECORD=1 swift test --filter DocTests writes what was printed).
                                """)
                        }
                    }
                }
            }
        }
        if GoldenFile.recording, !rewrites.isEmpty {
            var lines = examples.lines
            for rewrite in rewrites.reversed() { lines.replaceSubrange(rewrite.lines, with: rewrite.actual) }
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Runs one documented command line with `sh` in `directory`; returns what it printed and
    /// the directory it ended in (a `cd` carries over to the next command of the block).
    static func run(_ command: String, in directory: String, binary: URL, scratch: URL) throws
        -> (output: String, directory: String)
    {
        let state = scratch.appendingPathComponent(".doc-test-directory")
        let result = try ToolProcess.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "cd \"$1\" || exit 99\n\(command)\nstatus=$?\npwd > \"$2\"\nexit $status", "sh", directory,
                state.path,
            ],
            in: scratch,
            environment: [
                "PATH": binary.deletingLastPathComponent().path + ":/usr/bin:/bin",
                "HOME": scratch.path, "TZ": "UTC", "LANG": "C.UTF-8",
                "SOURCE_DATE_EPOCH": "1796083200", "NO_COLOR": "1",
            ])
        let after = (try? String(contentsOf: state, encoding: .utf8))?.trimmingCharacters(in: .newlines) ?? directory
        return (result.output, after)
    }
}
