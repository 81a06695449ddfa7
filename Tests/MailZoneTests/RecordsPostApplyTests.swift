import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `mailzone records` prints what the plan leaves in the zone, as `verify` checks it: the zone's
/// own MX kept under `mx: keep-existing`, its stricter DMARC record kept, its SPF record with the
/// include merged in; not Tencent's MX and `p=none`, which would divert inbound mail and weaken
/// DMARC. When the zone cannot be read, it says plainly that the values are the services' own.
struct RecordsPostApplyTests {
    private func lab(zone: String?) throws -> URL {
        let directory = try ProcessScratch.directory(prefix: "mailzone-records")
        try VerifyPlannedRecordsTests.declaration.write(
            to: directory.appendingPathComponent("mailzone.yaml"),
            atomically: true, encoding: .utf8)
        if let zone {
            try zone.write(to: directory.appendingPathComponent("db.keep.example"), atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func theRecordsAreWhatThePlanLeaves() throws {
        let directory = try lab(zone: VerifyPlannedRecordsTests.zone)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try MailzoneBinary.run(["records", "keep.example"], in: directory)
        #expect(run.status == 0, "stderr: \(run.errors)")
        #expect(run.output.contains("@                  MX    10        mail.keep.example.\n"))
        #expect(!run.output.contains("mxbiz1.qq.com.  "))
        #expect(run.output.contains("_dmarc             TXT             v=DMARC1; p=quarantine\n"))
        GoldenFile.assert(run.output, at: VerifierTests.golden("records-kept.txt"))
    }

    @Test func withoutTheZoneFileItSaysTheValuesAreTheServices() throws {
        let directory = try lab(zone: nil)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try MailzoneBinary.run(["records", "keep.example"], in: directory)
        #expect(run.status == 0, "stderr: \(run.errors)")
        let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 3)
        #expect(lines[2].hasPrefix("Not from the zone: db.keep.example cannot be planned: "))
        #expect(lines[2].hasSuffix("; these are the services' values, not merged with the zone's records."))
        #expect(run.output.contains("@                  MX    10        mxbiz1.qq.com.\n"))
    }
}
