import Foundation

import ZoneFile

/// The zone-file conformance corpus (`Fixtures/corpus`, vendored with its licences): which of its
/// files are zone inputs, the origin each is loaded with, and the directory BIND runs from.
///
/// The corpus README holds a table per directory with each file's expectation code; the
/// files coded EXPECTED-OUTPUT, RDATA-ONLY, LIST, DOC and INCLUDED are not zone inputs.
/// `observed.tsv` lists the files the corpus ran through the parsers, with `origin_used`.
struct ConformanceCorpus {
    /// One zone input of the corpus.
    struct Case: Sendable, CustomStringConvertible {
        /// Path relative to the corpus root, as in `MANIFEST.tsv` (`bind9/checkzone/zones/good-svcb.db`).
        var file: String
        /// Absolute path.
        var path: String
        /// The origin, absolute (`example.com.`).
        var origin: String
        /// Where BIND resolves relative `$INCLUDE` paths from, and so our loader too.
        var workingDirectory: String
        /// The README's expectation code (VALID, REJECT, SEMANTIC, MIXED, ...).
        var expectation: String

        var description: String { file }
    }

    static let notZoneInput: Set<String> = ["EXPECTED-OUTPUT", "RDATA-ONLY", "LIST", "DOC", "INCLUDED"]

    /// Directories whose files BIND's tests run from a parent directory, so that their `$INCLUDE` paths resolve
    /// (corpus README, "Layout and how to run"). Everything else runs from its own directory.
    static let workingDirectories: [(prefix: String, directory: String)] = [
        ("bind9/testdata/master/", "bind9"),
        ("bind9/checkzone/zones/", "bind9/checkzone"),
        ("bind9/masterfile/zone/", "bind9/masterfile"),
    ]

    let root: String
    let cases: [Case]

    /// `Tests/ZoneFileTests/Fixtures/corpus`, found from this file's path: the vendored corpus.
    static func defaultRoot() -> String {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/ZoneFileTests/Support/ConformanceCorpus.swift → Tests/ZoneFileTests.
        for _ in 0..<2 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Fixtures/corpus").standardizedFileURL.path
    }

    /// The zone-file cases with their origins, each zone loaded (default options) only when a loop reaches it:
    /// for the tests that ask something of every corpus zone.
    func loadedZones() throws -> LazyMapSequence<[(Case, DomainName)], (item: Case, origin: DomainName, zone: Zone)> {
        let named = try cases.map { ($0, try DomainName(parsing: $0.origin)) }
        return named.lazy.map { item, origin in
            (item, origin, ZoneLoader.load(path: item.path, options: LoadOptions(origin: origin)))
        }
    }

    static func exists(at root: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/observed.tsv")
            && FileManager.default.fileExists(atPath: root + "/README.md")
    }

    init(root: String) throws {
        self.root = root
        let expectations = try ConformanceCorpus.readExpectations(readme: root + "/README.md")
        let observed = try TSV.read(path: root + "/observed.tsv")
        guard let fileColumn = observed.header.firstIndex(of: "file"),
            let originColumn = observed.header.firstIndex(of: "origin_used")
        else {
            throw CorpusError("observed.tsv has no 'file' or 'origin_used' column")
        }
        var cases: [Case] = []
        for row in observed.rows {
            let file = row[fileColumn]
            guard let expectation = expectations[file] else {
                throw CorpusError("\(file) is in observed.tsv but not in the README's tables")
            }
            if ConformanceCorpus.notZoneInput.contains(expectation) { continue }
            var directory = (file as NSString).deletingLastPathComponent
            if let rule = ConformanceCorpus.workingDirectories.first(where: { file.hasPrefix($0.prefix) }) {
                directory = rule.directory
            }
            var origin = row[originColumn]
            if !origin.hasSuffix(".") { origin += "." }
            cases.append(
                Case(
                    file: file, path: root + "/" + file, origin: origin,
                    workingDirectory: root + "/" + directory, expectation: expectation))
        }
        self.cases = cases
    }

    /// File → expectation code, from the README's per-directory tables:
    /// a `### \`dir/\`` heading, then rows `| \`file\` | upstream path | bytes | expect | observed | notable |`.
    static func readExpectations(readme: String) throws -> [String: String] {
        let text = try String(contentsOfFile: readme, encoding: .utf8)
        var section: String?
        var result: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") {
                let parts = line.split(separator: "`")
                section = parts.count >= 2 ? String(parts[1]) : nil
                continue
            }
            guard let section, line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            // Leading empty cell, then file, upstream path, bytes, expect, observed, notable, trailing empty.
            guard cells.count >= 6 else { continue }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            result[section + name] = cells[4]
        }
        guard !result.isEmpty else { throw CorpusError("no file tables found in \(readme)") }
        return result
    }
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Tab-separated values with a header line; `#` lines are comments.
struct TSV {
    var header: [String]
    var rows: [[String]]

    static func read(path: String) throws -> TSV {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try parse(text, name: path)
    }

    static func parse(_ text: String, name: String) throws -> TSV {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
            .filter { !$0.hasPrefix("#") }
        guard !lines.isEmpty else { throw CorpusError("\(name) is empty") }
        let header = lines.removeFirst().components(separatedBy: "\t")
        var rows: [[String]] = []
        for (index, line) in lines.enumerated() {
            let row = line.components(separatedBy: "\t")
            guard row.count >= header.count else {
                throw CorpusError(
                    "\(name): data line \(index + 1) has \(row.count) columns, the header \(header.count)")
            }
            rows.append(row)
        }
        return TSV(header: header, rows: rows)
    }
}
