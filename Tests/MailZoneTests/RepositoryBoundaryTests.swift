import Foundation
import TestSupport
import Testing

@testable import MailZone

/// Zone files and their `$INCLUDE`s stay inside the declaration's directory tree unless the user allows otherwise.
@Suite struct RepositoryBoundaryTests {
    static let zone =
        "$TTL 1h\n$ORIGIN example.com.\n@ IN SOA ns1 hostmaster 1 2h 1h 2w 5m\n@ IN NS ns1\nns1 IN A 192.0.2.1\n"

    static func declaration(file: String) -> String {
        "version: 1\nzones:\n  - { origin: example.com, file: \(file) }\nsenders:\n  - domain: example.com\n    services: [ { preset: in-house } ]\npresets:\n  - name: in-house\n    title: In-house relay\n    spf: { include: spf.relay.example.net }\n"
    }

    static func plan(_ directory: URL, allowOutside: Bool = false) async throws -> Plan {
        let declaration = try DeclarationSource.load(path: directory.appendingPathComponent("repo/mailzone.yaml").path)
        return await Planner.plan(
            declaration, options: PlannerOptions(now: ApplySupport.now, allowOutside: allowOutside)
        )
        .plan
    }

    @Test func zoneFileWithDotDotIsRefused() async throws {
        let directory = try TemporaryFiles.directory([
            "repo/mailzone.yaml": Self.declaration(file: "../elsewhere/db.example.com"),
            "elsewhere/db.example.com": Self.zone,
        ])
        let plan = try await Self.plan(directory)
        #expect(
            plan.zones.first?.errors.first?.message.hasPrefix(
                "the zone file \(directory.path)/repo/../elsewhere/db.example.com is outside the directory of") == true)
        #expect(plan.zones.first?.errors.first?.location?.line == 3)
        await #expect(try Self.plan(directory, allowOutside: true).zones.first?.errors.isEmpty == true)
    }

    @Test func symbolicLinkOutOfTheTreeIsRefused() async throws {
        let directory = try TemporaryFiles.directory([
            "repo/mailzone.yaml": Self.declaration(file: "zones/db.example.com"),
            "secret/db.example.com": Self.zone,
        ])
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("repo/zones"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: directory.appendingPathComponent("repo/zones/db.example.com").path,
            withDestinationPath: directory.appendingPathComponent("secret/db.example.com").path)
        let plan = try await Self.plan(directory)
        #expect(
            plan.zones.first?.errors.first?.fix
                == "keep zone files in the repository beside the declaration, or pass --allow-outside")
    }

    @Test func includeOutOfTheTreeIsRefused() async throws {
        let directory = try TemporaryFiles.directory([
            "repo/mailzone.yaml": Self.declaration(file: "db.example.com"),
            "repo/db.example.com": Self.zone + "$INCLUDE /etc/hostname\n",
        ])
        let plan = try await Self.plan(directory)
        #expect(
            plan.zones.first?.errors.map(\.message).first?.hasPrefix(
                "$INCLUDE '/etc/hostname' resolves to /etc/hostname, outside") == true)
    }

    /// The tree is the repository's, not the zone file's directory: a shared include beside `zones/` is read.
    @Test func includeElsewhereInTheTreeIsRead() async throws {
        let directory = try TemporaryFiles.directory([
            "repo/mailzone.yaml": Self.declaration(file: "zones/db.example.com"),
            "repo/zones/db.example.com": Self.zone + "$INCLUDE ../common/mail.inc\n",
            "repo/common/mail.inc": "mail IN A 192.0.2.25\n",
        ])
        let plan = try await Self.plan(directory)
        #expect(plan.zones.first?.errors.isEmpty == true, "\(plan.zones.first?.errors ?? [])")
    }

    /// `zone check` reads a zone as named-checkzone does: its includes wherever they point.
    @Test func zoneCheckReadsIncludesWhereverTheyPoint() throws {
        let directory = try TemporaryFiles.directory([
            "zones/db.example.com": Self.zone + "$INCLUDE ../common/mail.inc\n",
            "common/mail.inc": "mail IN A 192.0.2.25\n",
        ])
        let check = try MailzoneBinary.run(["zone", "check", "zones/db.example.com"], in: directory)
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output == "zones/db.example.com: example.com. 4 records, 0 errors, 0 warnings\n")
    }
}
