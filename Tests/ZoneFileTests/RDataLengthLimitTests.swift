import Foundation
import TestSupport
import Testing
import ZoneFile

/// BIND 9.18 refuses a zone with a record whose RDATA is over 65,510 octets ("ran out of space"),
/// though RFC 1035 allows 65,535: the loader refuses exactly what BIND refuses, on both sides of
/// the limit, and `named-checkzone` is asked the same question to show the limit is BIND's.
@Suite struct RDataLengthLimitTests {
    static let apex = "$TTL 3600\n@ SOA ns hostmaster 1 7200 3600 1209600 300\n@ NS ns\nns A 192.0.2.53\n"

    /// TXT RDATA of exactly `octets` octets: full 255-octet strings, then one for the rest.
    static func txt(octets: Int) -> String {
        var strings: [String] = []
        var left = octets
        while left > 0 {
            let size = min(256, left)
            strings.append("\"" + String(repeating: "a", count: size - 1) + "\"")
            left -= size
        }
        return "t TXT " + strings.joined(separator: " ")
    }

    /// RFC 3597 generic RDATA of `octets` octets for TYPE16 (TXT), valid as TXT.
    static func generic(octets: Int) -> String {
        var wire: [UInt8] = []
        var left = octets
        while left > 0 {
            let size = min(256, left)
            wire.append(UInt8(size - 1))
            wire += [UInt8](repeating: 0x61, count: size - 1)
            left -= size
        }
        return "t TYPE16 \\# \(octets) " + wire.map { String(format: "%02x", $0) }.joined()
    }

    /// CAA `0 issue "…"` of `octets` octets (flags, tag length and `issue` take 7).
    static func caa(octets: Int) -> String {
        "t CAA 0 issue \"" + String(repeating: "a", count: octets - 7) + "\""
    }

    static let kinds = ["TXT", "generic", "CAA"]

    /// The record line of `kind` with RDATA of `octets` octets.
    static func record(_ kind: String, octets: Int) -> String {
        switch kind {
        case "generic": generic(octets: octets)
        case "CAA": caa(octets: octets)
        default: txt(octets: octets)
        }
    }

    @Test(arguments: ["TXT", "generic", "CAA"])
    func theLongestRDataBINDLoadsIsRead(_ kind: String) throws {
        let zone = ZoneLoader.load(
            text: Self.apex + Self.record(kind, octets: 65_510) + "\n", path: "db",
            options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(zone.diagnostics.isEmpty, "\(zone.diagnostics)")
        #expect(zone.records.last?.rdata.wire.count == 65_510)
    }

    /// The error is at the RDATA's first field (a quoted string's column is its first character's).
    @Test(arguments: [
        ("TXT", "db:5:8: error: TXT RDATA: RDATA is 65511 octets long"),
        ("generic", "db:5:10: error: TXT RDATA: RDATA is 65511 octets long"),
        ("CAA", "db:5:7: error: CAA RDATA: RDATA is 65511 octets long"),
    ])
    func oneOctetMoreIsRefused(_ kind: String, _ start: String) throws {
        let zone = ZoneLoader.load(
            text: Self.apex + Self.record(kind, octets: 65_511) + "\n", path: "db",
            options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
        #expect(
            zone.diagnostics.map(\.description) == [
                start + "; BIND loads at most 65510 octets of RDATA (named-checkzone: \"ran out of space\"); "
                    + "shorten the value or split it into several records"
            ])
    }

    /// apply's re-read of the edited text (`ZoneLoader.reread`) draws the same line: an edit that takes a
    /// record from 65,510 to 65,511 octets is an error in the edited zone, the other way round is not.
    @Test func theRereadOfAnEditDrawsTheSameLine() throws {
        var options = LoadOptions(origin: try DomainName(parsing: "example.com."))
        for (before, after, errors) in [(65_510, 65_511, 1), (65_511, 65_510, 0)] {
            let old = ZoneLoader.load(text: Self.apex + Self.txt(octets: before) + "\n", path: "db", options: options)
            options.overrides = ["db": Array((Self.apex + Self.txt(octets: after) + "\n").utf8)]
            let reread = ZoneLoader.reread(path: "db", options: options, editedFrom: old, excluding: [.soa])
            #expect(reread.edited.errors.count == errors, "\(before) -> \(after)")
            if errors == 1 {
                #expect(
                    reread.edited.errors.first?.description.hasPrefix(
                        "db:5:8: error: TXT RDATA: RDATA is 65511 octets long; BIND loads at most 65510 octets")
                        == true,
                    "\(reread.edited.errors)")
            }
        }
    }

    /// The same files given to `named-checkzone`: it loads what we load and refuses what we refuse.
    /// Without BIND's tools the test is skipped, except under CI (`CI=true`), where it fails.
    @Test(
        .enabled(
            if: ConformanceTests.underCI || ConformanceTests.bind != nil,
            "needs named-checkzone on PATH (Debian: bind9-utils); set CI=true to make its absence a failure"),
        arguments: [65_509, 65_510, 65_511, 65_512, 65_535])
    func namedCheckzoneDrawsTheSameLine(_ octets: Int) async throws {
        guard let bind = ConformanceTests.bind else {
            Issue.record("named-checkzone is not on PATH (CI=true): install bind9-utils")
            return
        }
        let directory = try ProcessScratch.directory(prefix: "mailzone-rdata")
        defer { try? FileManager.default.removeItem(at: directory) }
        for kind in Self.kinds {
            let text = Self.apex + Self.record(kind, octets: octets) + "\n"
            try Data(text.utf8).write(to: directory.appendingPathComponent("db"))
            let ours = ZoneLoader.load(
                text: text, path: "db",
                options: LoadOptions(origin: try DomainName(parsing: "example.com.")))
            let theirs = try await bind.check(origin: "example.com.", file: "db", directory: directory.path)
            #expect(!ours.hasErrors == theirs.succeeded, "\(kind) of \(octets) octets: BIND says \(theirs.stderrText)")
            #expect(theirs.succeeded == (octets <= RDataLength.maxLoadable), "\(kind) of \(octets) octets")
            if !theirs.succeeded {
                let said = String(decoding: theirs.stdout, as: UTF8.self) + theirs.stderrText
                #expect(said.contains("ran out of space") || said.contains("FORMERR"), "\(kind): \(said)")
            }
        }
    }
}
