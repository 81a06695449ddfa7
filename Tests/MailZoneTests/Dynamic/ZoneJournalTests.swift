import Foundation
import TestSupport
import Testing
import ZoneFile

@testable import MailZone

/// A zone file with a BIND journal beside it belongs to `named`: editing it makes named refuse to
/// load the zone (journal out of sync). Plan reports it as an error of that zone, apply refuses
/// before writing, unless the zone is frozen (`--frozen`) or changed by UPDATE.
@Suite struct ZoneJournalTests {
    static let zone = """
        $TTL 300
        @ IN SOA ns1 hostmaster 2026113001 3600 600 86400 300
          IN NS ns1
          IN TXT "v=spf1 mx -all"
        ns1 IN A 192.0.2.53

        """

    private func lab(journal: String?) throws -> URL {
        var files = ["mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": Self.zone]
        if let journal { files["zones/\(journal)"] = "not a real journal" }
        return try TemporaryFiles.directory(files)
    }

    @Test(arguments: ["db.example.com.jnl", "db.example.com.signed.jnl"])
    func aJournalIsAnErrorOfThePlanAndApplyWritesNothing(journal: String) async throws {
        let directory = try lab(journal: journal)
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try ApplySupport.declaration(in: directory)
        let plan = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now)).plan
        let zonePath = directory.appendingPathComponent("zones/db.example.com").path
        #expect(
            plan.zones[0].errors == [
                PlanFinding(
                    severity: .error,
                    message:
                        "\(zonePath) has a journal beside it (\(zonePath.dropLast("db.example.com".count))\(journal)): "
                        + "named serves example.com. dynamically (allow-update, update-policy or inline signing) and keeps "
                        + "changes in the journal; editing the file behind its back makes named refuse to load the zone "
                        + "(journal out of sync) and loses the dynamic changes",
                    fix: "send the change as a dynamic update: `mailzone apply --nsupdate SERVER --tsig-key KEYFILE`; "
                        + "or freeze the zone, edit, thaw: `rndc freeze example.com`, `mailzone apply --frozen`, "
                        + "`rndc thaw example.com`",
                    location: PlanLocation(file: zonePath, line: 1))
            ])
        #expect(plan.hasProblems)
        #expect(!plan.zones[0].files.isEmpty, "the plan still shows what would change")

        await #expect(throws: ApplyError.self) {
            try await Applier.apply(declaration, options: PlannerOptions(now: ApplySupport.now)) { _ in true }
        }
        #expect(try ApplySupport.read(URL(fileURLWithPath: zonePath)) == Self.zone)
    }

    /// In a repository of many zones in one directory (listed once rather than asked about each file),
    /// the journals are still found beside exactly the zone files they sit beside.
    @Test func journalsAreFoundAmongManyZonesInOneDirectory() async throws {
        let origins = (0..<ResolvedDirectories.listedFiles + 2).map { "zone\($0).example." }
        let dkim = "v=DKIM1; k=rsa; p=\(ApplyTests.key1)"
        var files = [
            "mailzone.yaml": "version: 1\nzones:\n"
                + origins.map { "  - { origin: \($0), file: zones/db.\($0.dropLast()) }\n" }.joined()
                + "senders:\n"
                + origins.map {
                    "  - { domain: \($0), services: [ { preset: tencent-ses, dkim: { qcloud: \"\(dkim)\" } } ] }\n"
                }
                .joined(),
            "zones/db.zone3.example.jnl": "not a real journal",
            "zones/db.zone7.example.signed.jnl": "not a real journal",
        ]
        for origin in origins { files["zones/db.\(origin.dropLast())"] = Self.zone }
        let directory = try TemporaryFiles.directory(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let plan = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now)
        )
        .plan
        #expect(plan.zones.count == origins.count)
        let refused = plan.zones.filter { zone in
            zone.errors.contains { $0.message.contains("has a journal beside it") }
        }
        #expect(refused.map(\.origin.description) == ["zone3.example.", "zone7.example."])
    }

    @Test func aFrozenZoneIsEdited() async throws {
        let directory = try lab(journal: "db.example.com.jnl")
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = PlannerOptions(now: ApplySupport.now)
        options.journal = .frozen
        let report = try await Applier.apply(try ApplySupport.declaration(in: directory), options: options) { _ in true
        }
        #expect(report.written == [directory.appendingPathComponent("zones/db.example.com").path])
    }

    @Test func aZoneWithoutChangesIsNotAnError() async throws {
        let directory = try lab(journal: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try ApplySupport.declaration(in: directory)
        _ = try await Applier.apply(declaration, options: PlannerOptions(now: ApplySupport.now)) { _ in true }
        try Data("journal".utf8).write(to: directory.appendingPathComponent("zones/db.example.com.jnl"))
        let plan = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now)).plan
        #expect(plan.zones[0].errors.isEmpty)
        #expect(!plan.hasChanges)
    }

    @Test func aSavedPlanIsRefusedWhenAJournalAppearedSince() async throws {
        let directory = try lab(journal: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let declaration = try ApplySupport.declaration(in: directory)
        let plan = await Planner.plan(declaration, options: PlannerOptions(now: ApplySupport.now)).plan
        let zonePath = directory.appendingPathComponent("zones/db.example.com").path
        try Data("journal".utf8).write(to: URL(fileURLWithPath: zonePath + ".jnl"))
        await #expect {
            try await Applier.apply(
                saved: plan, declaration: declaration, options: PlannerOptions(now: ApplySupport.now))
        } throws: { error in
            guard case .journal(let finding) = error as? ApplyError else { return false }
            return finding.message.hasPrefix("\(zonePath) has a journal beside it (\(zonePath).jnl)")
        }
        #expect(try ApplySupport.read(URL(fileURLWithPath: zonePath)) == Self.zone)
        let frozen = PlannerOptions(now: ApplySupport.now, journal: .frozen)
        await #expect(try Applier.apply(saved: plan, declaration: declaration, options: frozen).written == [zonePath])
    }

    @Test func theCommandLineRefusesWithTheFix() throws {
        let directory = try lab(journal: "db.example.com.jnl")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try MailzoneBinary.run(["apply", "--auto-approve"], in: directory)
        #expect(run.status == 1)
        #expect(
            run.errors
                == "error: the plan has 0 conflicts and 1 error; resolve them and plan again — nothing was written\n")
        let plan = try MailzoneBinary.run(["plan"], in: directory)
        #expect(plan.output.contains("zones/db.example.com has a journal beside it (zones/db.example.com.jnl)"))
        #expect(plan.output.contains("`rndc freeze example.com`, `mailzone apply --frozen`, `rndc thaw example.com`"))
        let frozen = try MailzoneBinary.run(["apply", "--auto-approve", "--frozen"], in: directory)
        #expect(frozen.status == 0, "stderr: \(frozen.errors)")
    }
}
