import Foundation
import TestSupport
import Testing

@testable import MailZone

/// A zone that repeats a record plans as BIND reads it: one copy, and a warning naming both lines.
@Suite struct DuplicateRecordPlanTests {
    @Test func aRepeatedSPFIsOneSPFRecord() async throws {
        let zone = [
            "$ORIGIN example.com.", "$TTL 3600", "@ IN SOA ns1 hostmaster 2026113001 7200 3600 1209600 300",
            "@ IN NS ns1.example.net.", "@ IN TXT \"v=spf1 mx -all\"", "proxy IN CNAME host.example.net.",
            "@ IN TXT \"v=spf1 mx -all\"", "proxy IN CNAME host.example.net.", "",
        ].joined(separator: "\n")
        let directory = try TemporaryFiles.directory([
            "mailzone.yaml": ApplyTests.declaration(), "zones/db.example.com": zone,
        ])
        let outcome = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        let plan = try #require(outcome.plan.zones.first)
        #expect(plan.errors.isEmpty, "\(plan.errors)")
        #expect(!outcome.plan.hasProblems)
        let path = directory.appendingPathComponent("zones/db.example.com").path
        #expect(
            plan.warnings.map(\.message) == [
                "example.com. TXT appears again with the same data; BIND keeps one copy; the same record is at \(path):5",
                "proxy.example.com. CNAME appears again with the same data; BIND keeps one copy; the same record is at \(path):6",
            ])
        #expect(plan.warnings.map { $0.location?.line } == [7, 8])
        // The SPF record is merged once, on its first line.
        let spf = plan.senders.flatMap(\.items).filter { $0.purpose == "spf" }
        #expect(spf.map(\.action) == [.merge])
        #expect(spf.first?.zoneLocation?.line == 5)
        // Both lines change alike, so BIND still reads one SPF record.
        _ = try await ApplySupport.apply(in: directory)
        let lines = try ApplySupport.read(directory.appendingPathComponent("zones/db.example.com")).components(
            separatedBy: "\n")
        #expect(
            lines[4]
                == "@ IN TXT \"v=spf1 mx include:qcloudmail.com -all\" ; mailzone: sender=@ spf=merged include:qcloudmail.com=tencent-ses"
        )
        #expect(lines.filter { $0.contains("v=spf1") } == [lines[4], lines[4]])
        let again = await Planner.plan(
            try ApplySupport.declaration(in: directory), options: PlannerOptions(now: ApplySupport.now))
        #expect(!again.plan.hasChanges && !again.plan.hasProblems)
    }
}
