import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The examples under `examples/`, end to end: the built `mailzone` binary runs in each
/// example's folder (with `SOURCE_DATE_EPOCH=1796083200` and `NO_COLOR=1`) and its stdout
/// and exit codes must equal the files under `golden/` byte for byte.
///
/// `MAILZONE_RECORD=1` re-records the goldens (review the diff before committing).
/// Golden files and the commands they hold:
/// - `plan.txt`, `plan.json`, `plan.md`, `plan.diff`: `plan` in each format;
/// - `check-github.txt`: `check --format github`;
/// - `records-DOMAIN.txt` / `.json`, when present: `records DOMAIN` in text / JSON;
/// - `exit-codes`: one line per command, `ARGUMENTS CODE`.
/// Other files under `golden/` (apply's outputs) belong to other tests.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct ExamplesTests {
    static let examplesDirectory = DeclarationFixtures.packageRoot.appendingPathComponent("examples")

    /// Example folders (those with a mailzone.yaml), sorted.
    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examplesDirectory.path)) ?? []
        return names.sorted().filter {
            FileManager.default.fileExists(
                atPath: examplesDirectory.appendingPathComponent($0).appendingPathComponent("mailzone.yaml").path)
        }
    }()

    /// Stdout goldens every example has, with the command that prints them.
    static let outputs: [(file: String, arguments: [String])] = [
        ("plan.txt", ["plan"]),
        ("plan.json", ["plan", "--format", "json"]),
        ("plan.md", ["plan", "--format", "markdown"]),
        ("plan.diff", ["plan", "--format", "diff"]),
        ("check-github.txt", ["check", "--format", "github"]),
    ]

    /// The commands whose exit codes `exit-codes` records, besides the `records` ones.
    static let exitCodeCommands: [[String]] = [
        ["plan"],
        ["plan", "--detailed-exitcode"],
        ["plan", "--format", "json"],
        ["plan", "--format", "markdown"],
        ["plan", "--format", "diff"],
        ["check"],
        ["check", "--format", "github"],
        ["check", "--format", "json"],
        ["check", "--format", "markdown"],
    ]

    static func directory(_ example: String) -> URL { examplesDirectory.appendingPathComponent(example) }
    static func golden(_ example: String) -> URL { directory(example).appendingPathComponent("golden") }

    /// `records-DOMAIN.txt|json` goldens of an example: (file, arguments).
    static func recordsOutputs(_ example: String) -> [(file: String, arguments: [String])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: golden(example).path)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasPrefix("records-") else { return nil }
            if name.hasSuffix(".txt") {
                return (name, ["records", String(name.dropFirst("records-".count).dropLast(".txt".count))])
            }
            if name.hasSuffix(".json") {
                return (
                    name,
                    ["records", String(name.dropFirst("records-".count).dropLast(".json".count)), "--format", "json"]
                )
            }
            return nil
        }
    }

    @Test func thereAreExamples() {
        for required in [
            "tencent-ses-primary", "tencent-ses-non-primary", "tencent-plus-google", "dmarc-reject-kept",
            "dmarc-subdomain-weakens", "conflict-cname-at-name", "conflict-existing-inbound-mx", "conflict-null-mx",
            "conflict-two-spf-records", "conflict-spf-merge-refused", "conflict-two-dmarc-records", "include-split",
            "already-satisfied", "dkim-stale-key-replaced", "mixed-case-crlf", "zone-file-error",
            "aws-ses-regional-dkim", "mailgun-automatic-sender-security", "sendgrid-manual", "alibaba-singapore",
            "resend-plus-fastmail",
            "service-removed", "sender-removed", "cname-target-changed", "dkim-rotation-step1",
            "dkim-rotation-step2", "others-records-untouched", "deletion-refused-over-threshold",
        ] {
            #expect(Self.examples.contains(required), "examples/\(required) is missing")
        }
    }

    @Test(arguments: examples)
    func outputsMatchTheGoldens(_ example: String) throws {
        let directory = Self.directory(example)
        let golden = Self.golden(example)
        if GoldenFile.recording {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
        }
        for (file, arguments) in Self.outputs + Self.recordsOutputs(example) {
            let result = try MailzoneBinary.run(arguments, in: directory)
            #expect(
                result.errors.isEmpty,
                "\(example): mailzone \(arguments.joined(separator: " ")) wrote to stderr: \(result.errors)")
            GoldenFile.assert(
                result.stdout, at: golden.appendingPathComponent(file),
                what: "\(example): mailzone \(arguments.joined(separator: " "))")
        }
    }

    @Test(arguments: examples)
    func exitCodesMatchTheGoldens(_ example: String) throws {
        let directory = Self.directory(example)
        let url = Self.golden(example).appendingPathComponent("exit-codes")
        if GoldenFile.recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            var lines = ""
            for arguments in Self.exitCodeCommands + Self.recordsOutputs(example).map(\.arguments) {
                let result = try MailzoneBinary.run(arguments, in: directory)
                lines += arguments.joined(separator: " ") + " \(result.status)\n"
            }
            try Data(lines.utf8).write(to: url)
            return
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count >= Self.exitCodeCommands.count, "\(example): exit-codes lists too few commands")
        for line in lines {
            var words = line.split(separator: " ").map(String.init)
            guard let expected = words.popLast().flatMap({ Int32($0) }) else {
                Issue.record("\(example): bad exit-codes line '\(line)'")
                continue
            }
            let result = try MailzoneBinary.run(words, in: directory)
            #expect(
                result.status == expected,
                "\(example): mailzone \(words.joined(separator: " ")) exited \(result.status), golden says \(expected)")
        }
    }

    /// The same inputs give the same bytes: the plan is parallel per zone, yet ordered.
    @Test(arguments: examples)
    func planIsDeterministic(_ example: String) throws {
        let first = try MailzoneBinary.run(["plan", "--format", "json"], in: Self.directory(example))
        let second = try MailzoneBinary.run(["plan", "--format", "json"], in: Self.directory(example))
        #expect(first.stdout == second.stdout)
        #expect(first.status == second.status)
    }

    /// A golden plan reads back as a `Plan` and encodes to the same bytes, so `apply --plan` sees what plan printed.
    @Test(arguments: examples)
    func goldenPlanRoundTrips(_ example: String) throws {
        let url = Self.golden(example).appendingPathComponent("plan.json")
        guard let data = try? Data(contentsOf: url) else { return }
        let plan = try PlanJSON.decode(data)
        #expect(try PlanJSON.encode(plan) == String(decoding: data, as: UTF8.self))
    }

    /// Exit codes agree with the plan: conflicts and errors exit 1, changes 2 (detailed), nothing to do 0.
    @Test(arguments: examples)
    func exitCodesAgreeWithThePlan(_ example: String) throws {
        let url = Self.golden(example).appendingPathComponent("plan.json")
        guard let data = try? Data(contentsOf: url) else { return }
        let plan = try PlanJSON.decode(data)
        let check = try MailzoneBinary.run(["check"], in: Self.directory(example))
        let expected: Int32 = plan.hasProblems ? 1 : (plan.hasChanges ? 2 : 0)
        #expect(check.status == expected)
    }

}
