import Foundation

/// One way our loader and BIND disagree on a corpus file.
struct Disagreement: Hashable, Comparable, CustomStringConvertible {
    enum Kind: String, Comparable {
        /// One loads the file and the other refuses it.
        case verdict
        /// Both load it, but the record sets differ (or BIND's output does not read back).
        case records

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var file: String
    var kind: Kind
    /// `accept` or `reject`.
    var ours: String
    var bind: String

    static func verdict(_ accepted: Bool) -> String { accepted ? "accept" : "reject" }

    static func < (lhs: Disagreement, rhs: Disagreement) -> Bool {
        (lhs.file, lhs.kind, lhs.ours, lhs.bind) < (rhs.file, rhs.kind, rhs.ours, rhs.bind)
    }

    var description: String { "\(file) [\(kind.rawValue)] ours: \(ours), BIND: \(bind)" }
}

/// `Tests/ZoneFileTests/Fixtures/conformance-disagreements.tsv`: the known disagreements with
/// BIND, each with the reason it is accepted. Columns: file, kind, ours, bind, reason.
struct DisagreementList {
    static let header = ["file", "kind", "ours", "bind", "reason"]

    var reasons: [Disagreement: String]

    static func defaultPath() -> String {
        // Tests/ZoneFileTests/Support/DisagreementList.swift → Tests/ZoneFileTests/Fixtures.
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/conformance-disagreements.tsv").path
    }

    static func read(path: String) throws -> DisagreementList {
        let table = try TSV.read(path: path)
        guard table.header == header else {
            throw CorpusError(
                "\(path): header must be \(header.joined(separator: " ")), is \(table.header.joined(separator: " "))")
        }
        var reasons: [Disagreement: String] = [:]
        for row in table.rows {
            guard let kind = Disagreement.Kind(rawValue: row[1]),
                ["accept", "reject"].contains(row[2]), ["accept", "reject"].contains(row[3])
            else {
                throw CorpusError(
                    "\(path): bad row \(row.joined(separator: " | ")): kind is verdict|records, verdicts accept|reject")
            }
            let disagreement = Disagreement(file: row[0], kind: kind, ours: row[2], bind: row[3])
            guard reasons[disagreement] == nil else { throw CorpusError("\(path): \(disagreement) is listed twice") }
            reasons[disagreement] = row[4...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
        }
        return DisagreementList(reasons: reasons)
    }

    /// The list as the file holds it, sorted, with a comment on how to keep it.
    func text() -> String {
        var text = """
            # Known disagreements between ZoneFile and BIND's named-checkzone/named-compilezone on the
            # conformance corpus (Tests/ZoneFileTests/ConformanceTests.swift). The test fails on any
            # disagreement not listed here and on any listed one that no longer happens. Every row says why
            # the difference is acceptable or who must fix it. Re-record with CONFORMANCE_RECORD=1 (keeps
            # the reasons of rows that still apply; new rows get "TODO", which the test refuses).

            """
        text += DisagreementList.header.joined(separator: "\t") + "\n"
        for disagreement in reasons.keys.sorted() {
            text +=
                [
                    disagreement.file, disagreement.kind.rawValue, disagreement.ours, disagreement.bind,
                    reasons[disagreement] ?? "TODO",
                ].joined(separator: "\t") + "\n"
        }
        return text
    }
}
