import Foundation
import MailAuth
import Testing

@testable import MailZone

/// MX decisions that involve several MX of one service (Google's five) or several services
/// of one sender: the same decision whether the other MX are in the zone already or only
/// planned, so a plan after apply agrees with the plan before it.
struct SenderPlannerMXTests {
    static let googleKey = CommandLineTests.key

    private func plan(
        zone mx: [String], mxPolicy: String? = nil, services: [String] = ["google-workspace", "tencent-ses"]
    ) async throws -> Plan {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-mx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("zones"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var zone =
            "$TTL 3600\n$ORIGIN corp.example.\n@ IN SOA ns1 hostmaster 2026112801 7200 3600 1209600 300\n@ IN NS ns1\n"
        for value in mx { zone += "@ IN MX \(value)\n" }
        zone += "ns1 IN A 192.0.2.53\n"
        try Data(zone.utf8).write(to: directory.appendingPathComponent("zones/db.corp.example"))
        var yaml =
            "version: 1\nzones:\n  - { origin: corp.example., file: zones/db.corp.example }\nsenders:\n  - domain: corp.example\n"
        if let mxPolicy { yaml += "    mx: \(mxPolicy)\n" }
        yaml += "    services:\n"
        for service in services {
            let selector = service == "tencent-ses" ? "qcloud" : "google"
            yaml += "      - preset: \(service)\n        dkim: { \(selector): \"\(Self.googleKey)\" }\n"
        }
        let url = directory.appendingPathComponent("mailzone.yaml")
        try Data(yaml.utf8).write(to: url)
        let catalog = try PresetCatalog.builtIn(files: MailAuthPresetFiles.files())
        let declaration = try DeclarationLoader.load(contentsOf: url, displayPath: url.path, builtInPresets: catalog)
        return await Planner.plan(declaration, options: PlannerOptions(now: Date(timeIntervalSince1970: 1_796_083_200)))
            .plan
    }

    private func mxItems(_ plan: Plan) -> [(PlanItem.Action, String)] {
        plan.zones.flatMap(\.senders).flatMap(\.items).filter { $0.type == .mx }.map {
            ($0.action, $0.after ?? $0.message ?? "")
        }
    }

    @Test func aServiceCompletesItsOwnMXSet() async throws {
        let plan = try await plan(zone: ["1 aspmx.l.google.com."], services: ["google-workspace"])
        let actions = mxItems(plan).map(\.0)
        #expect(actions == [.unchanged, .create, .create, .create, .create])
        #expect(!plan.hasProblems)
    }

    @Test(arguments: [
        [String](),
        [
            "1 aspmx.l.google.com.", "5 alt1.aspmx.l.google.com.", "5 alt2.aspmx.l.google.com.",
            "10 alt3.aspmx.l.google.com.", "10 alt4.aspmx.l.google.com.",
        ],
    ])
    func aSecondServiceMeetsTheFirstsMXPlannedOrNot(_ zone: [String]) async throws {
        let conflicting = try await plan(zone: zone)
        let tencent = mxItems(conflicting).last
        #expect(tencent?.0 == .conflict, "Tencent's MX beside Google's would divert inbound mail")
        #expect(conflicting.hasProblems)

        let kept = try await plan(zone: zone, mxPolicy: "keep-existing")
        #expect(mxItems(kept).last?.0 == .warning)
        #expect(!kept.hasProblems)
        #expect(mxItems(kept).filter { $0.0 == .create || $0.0 == .unchanged }.count == 5)

        let added = try await plan(zone: zone, mxPolicy: "add")
        #expect(mxItems(added).filter { $0.0 == .create || $0.0 == .unchanged }.count == 6)
    }
}

/// MailAuth's built-in preset files, for tests that plan with the real presets.
enum MailAuthPresetFiles {
    static func files() -> [(name: String, text: String)] { BuiltInPresets.files() }
}
