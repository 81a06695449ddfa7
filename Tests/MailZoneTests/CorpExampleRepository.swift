import Foundation
import MailAuth
import TestSupport
import Testing

@testable import MailZone

/// A repository of one zone, `corp.example.` in `zones/db.corp.example`, with one sender at its
/// apex, written to a temporary directory and planned with the built-in presets: the set-up of
/// the tests of the sender's MX, SPF and near-miss records (`SenderPlannerMXTests`,
/// `SenderPlannerMXMessageTests`, `SenderPlannerNearMissTests`, `PresetExclusiveMXTests`).
enum CorpExampleRepository {
    /// The zone's first lines: `$TTL`, `$ORIGIN`, the SOA and one NS.
    static let zoneStart =
        "$TTL 3600\n$ORIGIN corp.example.\n@ IN SOA ns1 hostmaster 2026112801 7200 3600 1209600 300\n@ IN NS ns1\n"

    /// Plans the zone `zoneStart + zone` with the sender `corp.example` whose other keys are
    /// `sender` (YAML lines indented by four spaces, `services:` among them). `render` gets the
    /// plan and the repository's directory while it still exists.
    static func plan<Result>(
        zone: String, sender: String, render: (Plan, URL) throws -> Result
    ) async throws -> Result {
        let directory = try ProcessScratch.directory(prefix: "mailzone-corp")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("zones"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data((zoneStart + zone).utf8).write(to: directory.appendingPathComponent("zones/db.corp.example"))
        let yaml =
            "version: 1\nzones:\n  - { origin: corp.example., file: zones/db.corp.example }\nsenders:\n"
            + "  - domain: corp.example\n" + sender
        let url = directory.appendingPathComponent("mailzone.yaml")
        try Data(yaml.utf8).write(to: url)
        let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
        let declaration = try DeclarationLoader.load(contentsOf: url, displayPath: url.path, builtInPresets: catalog)
        let plan = await Planner.plan(
            declaration, options: PlannerOptions(now: Date(timeIntervalSince1970: 1_796_083_200))
        ).plan
        return try render(plan, directory)
    }

    /// The plan of the zone, as `plan(zone:sender:render:)` makes it.
    static func plan(zone: String, sender: String) async throws -> Plan {
        try await plan(zone: zone, sender: sender) { plan, _ in plan }
    }

    /// The zone's block of the text plan, with paths relative to the repository.
    static func text(zone: String, sender: String) async throws -> String {
        try await plan(zone: zone, sender: sender) { plan, directory in
            let output = try #require(plan.zones.first.map { PlanTextRenderer().renderZone($0) })
            return output.replacingOccurrences(of: directory.path + "/", with: "")
        }
    }

    /// The `services:` key listing `services`, each with a DKIM key `key` under its selector
    /// (`qcloud` for tencent-ses, `google` for the others).
    static func services(_ services: [String], key: String) -> String {
        "    services:\n"
            + services.map { service in
                let selector = service == "tencent-ses" ? "qcloud" : "google"
                return "      - preset: \(service)\n        dkim: { \(selector): \"\(key)\" }\n"
            }.joined()
    }
}
