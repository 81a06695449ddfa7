import Foundation
import MailAuth
import Testing

@testable import MailZone

/// An MX a service needs to be the only one at its name (Amazon SES's custom MAIL FROM domain,
/// Resend's return path): another MX there is a conflict even with `mx: add`, which otherwise
/// puts a service's MX beside the zone's.
struct PresetExclusiveMXTests {
    private func plan(mxPolicy: String?, bounceMX: String?) async throws -> Plan {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-exclusive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("zones"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var zone =
            "$TTL 3600\n$ORIGIN corp.example.\n@ IN SOA ns1 hostmaster 2026112801 7200 3600 1209600 300\n@ IN NS ns1\n"
        if let bounceMX { zone += "bounce IN MX \(bounceMX)\n" }
        zone += "ns1 IN A 192.0.2.53\n"
        try Data(zone.utf8).write(to: directory.appendingPathComponent("zones/db.corp.example"))
        var yaml =
            "version: 1\nzones:\n  - { origin: corp.example., file: zones/db.corp.example }\nsenders:\n  - domain: corp.example\n"
        if let mxPolicy { yaml += "    mx: \(mxPolicy)\n" }
        yaml += "    services:\n      - preset: aws-ses\n"
        yaml += "        inputs: { token1: t1, token2: t2, token3: t3, region: eu-west-1, mail_from: bounce }\n"
        let url = directory.appendingPathComponent("mailzone.yaml")
        try Data(yaml.utf8).write(to: url)
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        let declaration = try DeclarationLoader.load(contentsOf: url, displayPath: url.path, builtInPresets: catalog)
        return await Planner.plan(declaration, options: PlannerOptions(now: Date(timeIntervalSince1970: 1_796_083_200)))
            .plan
    }

    private func bounceMX(_ plan: Plan) -> [PlanItem] {
        plan.zones.flatMap(\.senders).flatMap(\.items).filter { $0.type == .mx }
    }

    @Test func theFeedbackMXIsAddedWhereNoOtherMXIs() async throws {
        let plan = try await plan(mxPolicy: "add", bounceMX: nil)
        #expect(bounceMX(plan).map(\.action) == [.create])
        #expect(!plan.hasProblems)
    }

    /// `mx: add` would put SES's feedback MX beside the name's own: a conflict whose fix is another name.
    @Test func mxAddDoesNotPutItBesideAnotherMX() async throws {
        let plan = try await plan(mxPolicy: "add", bounceMX: "10 mail.corp.example.")
        let item = try #require(bounceMX(plan).first)
        #expect(item.action == .conflict)
        #expect(
            item.fix
                == "aws-ses needs its MX to be the only one at bounce: give it a name that receives no other mail, or remove the other MX (`mx: add` cannot put it beside another)"
        )
        #expect(plan.hasProblems)
    }

    @Test func keepExistingStillKeepsItOut() async throws {
        let plan = try await plan(mxPolicy: "keep-existing", bounceMX: "10 mail.corp.example.")
        #expect(bounceMX(plan).map(\.action) == [.warning])
        #expect(!plan.hasProblems)
    }
}
