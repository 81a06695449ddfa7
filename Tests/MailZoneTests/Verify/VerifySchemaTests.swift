import DNSClient
import Foundation
import Testing

@testable import MailZone

/// `schemas/verify.schema.json` agrees with `--format json`: the schema is valid Draft 2020-12
/// and every report the verifier tests produce passes it (Python's `jsonschema`).
@Suite(.enabled(if: VerifySchemaValidator.isAvailable || MailzoneBinary.underCI, "python3 with jsonschema is needed"))
struct VerifySchemaTests {
    static let script = #"""
        import json, sys
        from jsonschema import Draft202012Validator
        schema = json.load(open(sys.argv[1]))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema)
        for path in sys.argv[2:]:
            errors = sorted(validator.iter_errors(json.load(open(path))), key=lambda e: list(map(str, e.absolute_path)))
            print(path + "\t" + ("VALID" if not errors else "INVALID " + "/".join(map(str, errors[0].absolute_path)) + ": " + errors[0].message))
        """#

    @Test func reportsPassTheSchema() throws {
        let reports: [VerifyReport] = [
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
                        severity: "error", message: "unknown preset 'x'", fix: "see mailzone presets",
                        location: PlanLocation(file: "m.yaml", line: 5, column: 17))
                ]),
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-verify-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files = [VerifierTests.golden("problems.json").path]
        for (index, report) in reports.enumerated() {
            let url = directory.appendingPathComponent("report\(index).json")
            try VerifyJSONRenderer.render(report).write(to: url, atomically: true, encoding: .utf8)
            files.append(url.path)
        }
        let schema = DeclarationFixtures.schemas.appendingPathComponent("verify.schema.json").path
        let result = try VerifySchemaValidator.python(["-c", Self.script, schema] + files)
        #expect(result.status == 0, "python: \(result.output)")
        for file in files {
            #expect(result.output.contains(file + "\tVALID\n"), "\(result.output)")
        }
    }

}

/// Runs Python for the schema check.
enum VerifySchemaValidator {
    static let isAvailable: Bool = (try? python(["-c", "import jsonschema"]))?.status == 0

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ToolProcess.run("python3", arguments)
        return (result.status, result.output)
    }
}
