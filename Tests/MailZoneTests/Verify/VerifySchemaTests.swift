import DNSClient
import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `schemas/verify.schema.json` agrees with `--format json`: the schema is valid Draft 2020-12
/// and every report the verifier tests produce passes it (Python's `jsonschema`).
@Suite(.enabled(if: SchemaValidator.isAvailable || MailzoneBinary.underCI, "python3 with jsonschema is needed"))
struct VerifySchemaTests {
    @Test func reportsPassTheSchema() async throws {
        let reports: [VerifyReport] = await [
            try VerifierTests.report([(VerifierTests.primary, VerifyLab.zoneText())]),
            try VerifierTests.report([
                (VerifierTests.primary, VerifyLab.zoneText()),
                (VerifierTests.secondary, VerifyLab.zoneText(serial: 2_026_112_801, records: VerifyLab.broken)),
            ]),
            try VerifierTests.report([(VerifierTests.primary, VerifyLab.zoneText()), (VerifierTests.secondary, nil)]),
            VerifyReport(declaration: "m.yaml", zones: [VerifyZone(origin: nil, file: nil, errors: ["no servers"])]),
            VerifyReport(
                declaration: "m.yaml", zones: [],
                errors: [
                    PlanFinding(
                        severity: .error, message: "unknown preset 'x'", fix: "see mailzone presets",
                        location: PlanLocation(file: "m.yaml", line: 5, column: 17))
                ]),
        ]
        let directory = try ProcessScratch.directory(prefix: "mailzone-verify-schema")
        defer { try? FileManager.default.removeItem(at: directory) }
        var files = [VerifierTests.golden("problems.json").path]
        for (index, report) in reports.enumerated() {
            let url = directory.appendingPathComponent("report\(index).json")
            try VerifyJSONRenderer.render(report).write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let results = try SchemaValidator.validate(
            files.map { ("verify.schema.json", $0) }, schemas: DeclarationFixtures.schemas)
        #expect(results["verify.schema.json"] == "VALID")
        for file in files {
            #expect(results[file] == "VALID", "\(file): \(results[file] ?? "no result")")
        }
    }

}
