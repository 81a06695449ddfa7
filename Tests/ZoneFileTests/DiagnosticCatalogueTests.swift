import Foundation
import TestSupport
import Testing

@testable import ZoneFile

/// The diagnostic catalogue: every kind has an id, a severity and a one-line message, and the ids
/// stay what programs that filter on them were promised (a golden list of every kind).
@Suite struct DiagnosticCatalogueTests {
    static let owner = DomainName(uncheckedWire: [3] + Array("www".utf8) + [7] + Array("example".utf8) + [0])
    static let apex = DomainName(uncheckedWire: [7] + Array("example".utf8) + [0])

    /// One value of every kind, in the order `DiagnosticKind` declares them.
    static let everyKind: [DiagnosticKind] = [
        .fileUnreadable(reason: "no such file"),
        .fileOverTotalBytes(reason: "is 9 bytes long; mailzone reads files of at most 8 bytes"),
        .fileEmpty, .fileOver4GiB, .fileChangedWhileRead,
        .tooManyProblems(limit: 3), .tooManyProblemsAfterChecks(limit: 3), .entryTooLong(length: 212, limit: 100),
        .includeTooDeep(limit: 16, reading: 17, innermost: "a16"), .tooManyIncludes(limit: 10_000),
        .includeOverTotalBytes(name: "big.inc", path: "zones/big.inc", limit: 8),
        .generateTooLarge(count: 11, limit: 10), .generateOverZoneTotal(count: 10, made: 20, limit: 25),
        .tooManyRecords(limit: 5),
        .unbalancedQuotes, .unbalancedCloseParen, .unclosedParen, .nulByte,
        .originArguments, .ttlArguments, .includeArguments, .relativeOriginWithoutOrigin(text: "sub"),
        .invalidOrigin(text: "a..b", reason: "empty label"), .unknownDirective(text: "$FOO"), .invalidIncludeFileName,
        .invalidIncludeOrigin(text: "a..b", reason: "empty label"), .includeRefused(name: "mail.inc"),
        .includeOutsideZoneDirectory(name: "../x", resolved: "/abs/x", directory: "/abs/zones"),
        .includeOutside(name: "../x", resolved: "/abs/x", root: "/repo"),
        .includeCycle(includingFile: "b.inc", included: "a.zone", cycle: ["a.zone", "b.inc", "a.zone"]),
        .includeUnreadable(name: "x.inc", path: "zones/x.inc", reason: "no such file"),
        .generateArgumentsMissing, .generateArgumentsMisplaced, .generateRange(text: "5-1"),
        .generateUnknownType(text: "FOO"), .generateMetaType(type: .opt), .generateWithoutOrigin,
        .generateTemplate(reason: "bad width in modifier '${0,x}'"),
        .generateRData(type: .a, text: "192.0.2.300", reason: "bad IPv4 address"),
        .ownerMissing, .ownerInheritedAfterOrigin(owner: owner, origin: apex), .ownerQuoted, .typeMissing,
        .typeLooksLikeTTL(text: "3600"), .unknownType(text: "FOO"), .metaType(type: .opt), .rdataWithoutOrigin,
        .invalidRData(type: .a, reason: "bad IPv4 address"), .ttlAboveMaximum(label: "$TTL", value: 4_294_967_295),
        .ttlFromPreviousRecord, .ttlFromSOAMinimum(minimum: 300), .ttlMissing,
        .classMismatch(recordClass: .ch, zoneClass: .in), .outOfZone(owner: owner, origin: apex),
        .relativeNameWithoutOrigin(role: "owner name", text: "www"),
        .invalidName(role: "owner name", text: "a..b", reason: "empty label"),
        .ttlUnknownUnit(text: "1x", unit: "x"), .ttlWithoutNumber(text: "h"), .ttlOverflow(text: "99999999999"),
        .originUnknown, .duplicateRecord(owner: owner, type: .a, firstAt: "db:7"), .multipleCNAME(owner: owner),
        .cnameAndOther(owner: owner, cnameAt: "db:7", otherType: .a, otherAt: "db:8"),
        .soaNotAtApex(owner: owner, apex: apex), .duplicateSOA(firstAt: "db:3"), .multipleSOA(firstAt: "db:3"),
        .dsAtApex(apex: apex), .noSOA(apex: apex), .cdnskeyWithoutDNSKEY, .noNS(apex: apex),
    ]

    /// The case name of a kind (`fileUnreadable`).
    static func name(_ kind: DiagnosticKind) -> String {
        String(String(describing: kind).prefix { $0 != "(" })
    }

    @Test func everyKindHasAnIdASeverityAndAOneLineMessage() {
        for kind in Self.everyKind {
            #expect(kind.id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(kind)")
            #expect(!kind.message.isEmpty && !kind.message.contains("\n"), "\(kind)")
            #expect(kind.notes.allSatisfy { !$0.isEmpty && !$0.contains("\n") }, "\(kind)")
        }
    }

    /// Each case declared in DiagnosticKind.swift has its value in `everyKind`, so the golden list is whole.
    @Test func theListHoldsEveryDeclaredKind() throws {
        let source = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent(
                "Sources/ZoneFile/Diagnostics/DiagnosticKind.swift"),
            encoding: .utf8)
        let declared = source.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^\s*case (\w+)/) else { return nil }
            return String(match.1)
        }
        #expect(declared.count > 60)
        #expect(Self.everyKind.map(Self.name) == declared)
    }

    /// Every kind's case name, id, severity and message (and notes): a change to any of them is a
    /// change for programs that filter on ids, and shows in review.
    @Test func idsAndMessagesMatchTheGoldenList() {
        let lines = Self.everyKind.map { kind in
            ([Self.name(kind), kind.id, kind.severity.rawValue, kind.message] + kind.notes.map { "note: " + $0 })
                .joined(separator: "\t")
        }
        GoldenFile.assert(
            lines.joined(separator: "\n") + "\n",
            at: TestPaths.fixtures.appendingPathComponent("diagnostic-catalogue.txt"))
    }

    /// A diagnostic carries its kind, and its id, severity, message and notes are the catalogue's.
    @Test func aDiagnosticCarriesItsKind() throws {
        let zone = ZoneLoader.load(text: "$ORIGIN example.\n$TTL 1x\n", path: "db")
        let diagnostic = try #require(zone.diagnostics.first)
        #expect(diagnostic.kind == .ttlUnknownUnit(text: "1x", unit: "x"))
        #expect(diagnostic.id == "ttl.unknown-unit")
        #expect(diagnostic.description == "db:2:7: error: TTL '1x' has an unknown unit 'x'; use w, d, h, m or s")
    }
}
