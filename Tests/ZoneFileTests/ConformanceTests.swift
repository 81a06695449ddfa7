import Foundation
import Testing
import ZoneFile

/// Our loader against BIND on every zone input of the conformance corpus (`Fixtures/corpus`):
/// the same verdict (loads / refuses), and when both load, the same records — BIND's records
/// taken from `named-compilezone -s full -o -` and read back with our own parser.
///
/// Known differences live in `Fixtures/conformance-disagreements.tsv` with their reasons; any other
/// difference fails, and so does a listed one that has gone away.
///
/// Needs BIND 9.18's `named-checkzone` and `named-compilezone` on `PATH` (Debian: `bind9-utils`).
/// Without them the test is skipped, except under CI (`CI=true`), where it fails.
@Suite("Conformance with BIND")
struct ConformanceTests {
    static let environment = ProcessInfo.processInfo.environment
    static let underCI = environment["CI"] == "true"
    static let bind = BINDTools.find()
    static let corpusRoot = ConformanceCorpus.defaultRoot()
    /// How many files are checked at once (each runs up to two BIND processes).
    static let concurrency = 3

    @Test(
        "ZoneFile agrees with BIND on the corpus, up to the listed disagreements",
        .enabled(
            if: underCI || (bind != nil && ConformanceCorpus.exists(at: corpusRoot)),
            "needs named-checkzone and named-compilezone on PATH (Debian: bind9-utils); set CI=true to make their absence a failure"
        ),
        .timeLimit(.minutes(10)))
    func corpusAgreesWithBIND() async throws {
        guard let bind = ConformanceTests.bind else {
            Issue.record("named-checkzone/named-compilezone are not on PATH (CI=true): install bind9-utils")
            return
        }
        guard ConformanceCorpus.exists(at: ConformanceTests.corpusRoot) else {
            Issue.record(
                "the conformance corpus is not at \(ConformanceTests.corpusRoot): it is part of the repository")
            return
        }
        let corpus = try ConformanceCorpus(root: ConformanceTests.corpusRoot)
        try #require(
            corpus.cases.count > 200, "the corpus README and observed.tsv gave only \(corpus.cases.count) zone inputs")

        let outcomes = try await ConformanceTests.run(corpus.cases, bind: bind)
        var found: [Disagreement: String] = [:]
        var verdictAgreements = 0
        var recordAgreements = 0
        var bothAccepted = 0
        for outcome in outcomes {
            if let disagreement = outcome.disagreement {
                found[disagreement] = outcome.detail
            }
            if outcome.oursAccepted == outcome.bindAccepted { verdictAgreements += 1 }
            if outcome.oursAccepted, outcome.bindAccepted {
                bothAccepted += 1
                if outcome.disagreement == nil { recordAgreements += 1 }
            }
        }
        print(
            "conformance: \(outcomes.count) zone inputs; verdict agrees on \(verdictAgreements); both load \(bothAccepted), records agree on \(recordAgreements); \(found.count) disagreements"
        )

        let listPath = DisagreementList.defaultPath()
        if ConformanceTests.environment["CONFORMANCE_RECORD"] == "1" {
            let old = (try? DisagreementList.read(path: listPath))?.reasons ?? [:]
            var reasons: [Disagreement: String] = [:]
            for disagreement in found.keys { reasons[disagreement] = old[disagreement] ?? "TODO" }
            try DisagreementList(reasons: reasons).text().write(toFile: listPath, atomically: true, encoding: .utf8)
            print("conformance: wrote \(reasons.count) disagreements to \(listPath)")
        }
        let listed = try DisagreementList.read(path: listPath).reasons

        for (disagreement, reason) in listed.sorted(by: { $0.key < $1.key }) {
            if reason.isEmpty || reason.hasPrefix("TODO") {
                Issue.record(
                    "\(disagreement): the disagreement list gives no reason; say why it is acceptable or who fixes it")
            }
        }
        for disagreement in found.keys.sorted() where listed[disagreement] == nil {
            Issue.record(
                """
                new disagreement with BIND: \(disagreement)\(found[disagreement].map { "\n" + $0 } ?? "")
                fix the parser, or add it with its reason to \(listPath)
                """)
        }
        let corpusFiles = Set(corpus.cases.map(\.file))
        for disagreement in listed.keys.sorted() where found[disagreement] == nil {
            let why =
                corpusFiles.contains(disagreement.file)
                ? "no longer happens" : "names a file that is not a zone input of the corpus"
            Issue.record("listed disagreement \(why): \(disagreement); remove it from \(listPath)")
        }
    }

    /// What happened to one file.
    struct Outcome: Sendable {
        var file: String
        var oursAccepted: Bool
        var bindAccepted: Bool
        var disagreement: Disagreement?
        /// First error of the refusing side, or the record difference.
        var detail: String?
    }

    /// Runs every case, `concurrency` at a time, in corpus order.
    static func run(_ cases: [ConformanceCorpus.Case], bind: BINDTools) async throws -> [Outcome] {
        try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            var results = [Outcome?](repeating: nil, count: cases.count)
            var next = 0
            func add(_ group: inout ThrowingTaskGroup<(Int, Outcome), any Error>) {
                guard next < cases.count else { return }
                let index = next
                let item = cases[index]
                next += 1
                group.addTask {
                    do {
                        return (index, try await compare(item, bind: bind))
                    } catch {
                        throw CorpusError("\(item.file) (origin \(item.origin)): \(error)")
                    }
                }
            }
            for _ in 0..<concurrency { add(&group) }
            while let (index, outcome) = try await group.next() {
                results[index] = outcome
                add(&group)
            }
            return results.compactMap { $0 }
        }
    }

    /// Verdicts of both loaders on one file and, when both load it, their records.
    static func compare(_ item: ConformanceCorpus.Case, bind: BINDTools) async throws -> Outcome {
        let bindCheck = try await bind.check(origin: item.origin, file: item.path, directory: item.workingDirectory)
        // An origin that is not a name (Knot's `04-3_ORIGIN.in` runs with `..`) is refused before loading, as
        // `mailzone zone check --origin` refuses it.
        let origin: DomainName
        do {
            origin = try DomainName(parsing: item.origin)
        } catch {
            var outcome = Outcome(file: item.file, oursAccepted: false, bindAccepted: bindCheck.succeeded)
            if bindCheck.succeeded {
                outcome.disagreement = Disagreement(file: item.file, kind: .verdict, ours: "reject", bind: "accept")
                outcome.detail = "  ours: origin '\(item.origin)': \(error)"
            }
            return outcome
        }
        var options = LoadOptions(origin: origin)
        options.includeBase = .directory(item.workingDirectory)
        let ours = ZoneLoader.load(path: item.path, options: options)
        var outcome = Outcome(file: item.file, oursAccepted: !ours.hasErrors, bindAccepted: bindCheck.succeeded)

        guard outcome.oursAccepted, outcome.bindAccepted else {
            if outcome.oursAccepted != outcome.bindAccepted {
                outcome.disagreement = Disagreement(
                    file: item.file, kind: .verdict, ours: Disagreement.verdict(outcome.oursAccepted),
                    bind: Disagreement.verdict(outcome.bindAccepted))
                outcome.detail =
                    outcome.oursAccepted
                    ? "  BIND: " + firstLines(bindCheck.stderrText + String(decoding: bindCheck.stdout, as: UTF8.self))
                    : "  ours: " + firstLines(ours.errors.map(\.description).joined(separator: "\n"))
            }
            return outcome
        }

        let compiled = try await bind.compile(origin: item.origin, file: item.path, directory: item.workingDirectory)
        let recordsDisagree = Disagreement(file: item.file, kind: .records, ours: "accept", bind: "accept")
        guard compiled.succeeded else {
            outcome.disagreement = recordsDisagree
            outcome.detail =
                "  named-compilezone failed where named-checkzone passed: " + firstLines(compiled.stderrText)
            return outcome
        }
        let readBack = ZoneLoader.load(
            bytes: compiled.stdout, path: "named-compilezone(\(item.file))", options: LoadOptions(origin: origin))
        guard !readBack.hasErrors else {
            outcome.disagreement = recordsDisagree
            outcome.detail =
                "  BIND's output does not read back: "
                + firstLines(readBack.errors.map(\.description).joined(separator: "\n"))
            return outcome
        }
        let mine = NormalizedRecords(ours.records)
        let theirs = NormalizedRecords(readBack.records)
        if mine != theirs {
            outcome.disagreement = recordsDisagree
            outcome.detail = "  records differ:" + mine.difference(from: theirs)
        }
        return outcome
    }

    static func firstLines(_ text: String, _ count: Int = 3) -> String {
        text.split(separator: "\n").prefix(count).joined(separator: "\n    ")
    }
}
