import Foundation
import TestSupport
import Testing

@testable import MailZone

/// The real-world zone corpus (`Fixtures/RealZones/<case>/`): zone files people keep in public git
/// repositories, each case with a `SOURCE` file naming its origin, its zone file, and where every file
/// came from (repository, path, commit, licence).
///
/// The examples under `examples/` are tidy; these are not (blank owners, `$ORIGIN .` dumps, `$TTL`
/// changes mid-file, shared `$INCLUDE`s, generated includes holding the SOA, DS delegations, SPF and
/// DKIM split into several strings). Every case is planned and applied end to end and checked with BIND.
enum RealZoneCorpus {
    static let root = DeclarationFixtures.testsDirectory.appendingPathComponent("Fixtures/RealZones")

    /// One corpus case as its `SOURCE` file describes it.
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        /// Absolute, with the trailing dot (`ocf.berkeley.edu.`).
        var origin: String
        /// The zone file, relative to the case folder.
        var zone: String

        var description: String { name }
        var folder: URL { RealZoneCorpus.root.appendingPathComponent(name) }
        /// The origin without its trailing dot, as a declaration names a domain.
        var domain: String { String(origin.dropLast()) }
    }

    /// Every case folder with a SOURCE file, sorted by name.
    static func cases() -> [Case] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            let source = root.appendingPathComponent("\(name)/SOURCE")
            guard let text = try? String(contentsOf: source, encoding: .utf8) else { return nil }
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" ") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...]).trimmingCharacters(
                    in: .whitespaces)
            }
            guard let origin = fields["origin"], let zone = fields["zone"] else { return nil }
            return Case(name: name, origin: origin, zone: zone)
        }
    }

    /// The name of the new subdomain every case adds a sender at (in no corpus zone yet).
    static let newLabel = "mzcorpus"

    /// A real-looking 2048-bit DKIM key (the one of the tencent-ses-primary example).
    static let dkim =
        "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7RbkhHnSQbf/McgujTfeeJU6qIOH2LlFXmrNvVZiJ0iqdA4lfcA/vpCEbhktgXyyxxkpsUzEohO/7GsOPOMgDLvsW7F7lfXb1adErXteVbxZ/7dHlHufgyqWABlLNKXXfZ5qj8QcLBuh1tPONlVIvI5ZAy+UXCcFiTJKXmB1H5u1Ji2+4UUEaT3e9zcoBEZabkOdrfSTapKlj6Ke46iJA/HgeXEoOi39hZ5UIFOOELtTG4Y0KUOAgNCdegUBoUVXd4+R1xRI480DKlz0aLT0Wa2Z2/rb+8rIOclqg0tMS2jLCLEYh7SBaV0jYuugyV8KsCrgVVSXLrLHn3H73+dFmQIDAQAB"

    /// The declaration every case is planned with: Tencent Cloud SES at the apex (keeping the MX the zone
    /// has) and at a new subdomain (asking for `p=reject`, so it never weakens a policy the zone publishes).
    static func declaration(for corpusCase: Case) -> String {
        """
        version: 1
        zones:
          - origin: \(corpusCase.origin)
            file: \(corpusCase.zone)
        senders:
          - domain: \(corpusCase.domain)
            mx: keep-existing
            services:
              - preset: tencent-ses
                dkim:
                  qcloud: "\(dkim)"
          - domain: \(newLabel).\(corpusCase.domain)
            dmarc: { p: reject }
            services:
              - preset: tencent-ses
                dkim:
                  qcloud: "\(dkim)"

        """
    }

    /// A record of a `named-compilezone -s full` dump: owner, TTL, class, type, RDATA, all as printed.
    struct DumpRecord: Hashable, Comparable, CustomStringConvertible {
        var owner: String
        var ttl: String
        var type: String
        var rdata: String

        var description: String { "\(owner) \(ttl) \(type) \(rdata)" }
        var withoutTTL: DumpRecord { DumpRecord(owner: owner, ttl: "", type: type, rdata: rdata) }
        static func < (lhs: DumpRecord, rhs: DumpRecord) -> Bool { lhs.description < rhs.description }
    }

    /// BIND's own reading of a zone: `named-compilezone -s full` run where `named` would run (the zone
    /// file's directory, against which BIND resolves `$INCLUDE`).
    static func dump(origin: String, file: URL) throws -> (status: Int32, records: [DumpRecord], output: String) {
        let result = try ToolProcess.run(
            "named-compilezone",
            [
                "-q", "-i", "local", "-s", "full", "-o", "-", origin,
                file.lastPathComponent,
            ],
            in: file.deletingLastPathComponent())
        var records: [DumpRecord] = []
        for line in result.output.split(separator: "\n") {
            let fields = line.split(maxSplits: 4, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
            guard fields.count == 5, fields[2] == "IN" else { continue }
            records.append(
                DumpRecord(
                    owner: fields[0].lowercased(), ttl: String(fields[1]), type: String(fields[3]),
                    rdata: fields[4].trimmingCharacters(in: .whitespaces)))
        }
        return (result.status, records, result.output)
    }

    /// The multiset difference `lhs - rhs`, sorted.
    static func subtracting(_ lhs: [DumpRecord], _ rhs: [DumpRecord]) -> [DumpRecord] {
        var counts: [DumpRecord: Int] = [:]
        for record in rhs { counts[record, default: 0] += 1 }
        var result: [DumpRecord] = []
        for record in lhs {
            if let count = counts[record], count > 0 { counts[record] = count - 1 } else { result.append(record) }
        }
        return result.sorted()
    }

    /// The planned records as BIND reads them: a scratch zone holding only them, dumped the same way,
    /// so that the comparison does not depend on how mailzone prints names or strings.
    static func planned(_ records: [(name: String, type: String, rdata: String)], origin: String) throws -> [DumpRecord]
    {
        guard !records.isEmpty else { return [] }
        let directory = try ApplySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text =
            "$TTL 300\n\(origin) IN SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300\n\(origin) IN NS ns.invalid.\n"
        for record in records { text += "\(record.name) IN \(record.type) \(record.rdata)\n" }
        let file = directory.appendingPathComponent("planned.zone")
        try Data(text.utf8).write(to: file)
        let result = try dump(origin: origin, file: file)
        #expect(result.status == 0, "BIND cannot read the planned records: \(result.output)")
        let scaffold: Set<DumpRecord> = [
            DumpRecord(owner: origin, ttl: "300", type: "NS", rdata: "ns.invalid.")
        ]
        return result.records.filter { $0.type != "SOA" && !scaffold.contains($0) }.map(\.withoutTTL).sorted()
    }

    /// `bytes` with `edits` (non-overlapping byte ranges of the original) applied.
    static func applying(_ edits: [FileEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            result.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        return result
    }
}
