import Foundation
import TestSupport
import Testing

/// mailzone's JSON outputs agree with their schemas (`schemas/plan.schema.json`,
/// `check.schema.json`, `records.schema.json`): every golden `plan.json` and
/// `records-*.json` of the examples, and each example's `check --format json`,
/// validated by Python's `jsonschema` (Draft 2020-12), the schemas themselves checked too.
@Suite(.enabled(if: SchemaValidator.isAvailable || MailzoneBinary.underCI, "python3 with jsonschema is needed"))
struct OutputSchemaTests {
    @Test func goldenOutputsMatchTheirSchemas() throws {
        var pairs: [(schema: String, path: String)] = []
        for example in ExamplesTests.examples {
            let golden = ExamplesTests.golden(example)
            pairs.append(("plan.schema.json", golden.appendingPathComponent("plan.json").path))
            for (file, _) in ExamplesTests.recordsOutputs(example) where file.hasSuffix(".json") {
                pairs.append(("records.schema.json", golden.appendingPathComponent(file).path))
            }
        }
        pairs = pairs.filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(pairs.count >= ExamplesTests.examples.count)

        // check --format json has no golden; validate what the binary prints now.
        let temporary = try ProcessScratch.directory(prefix: "mailzone-check-json")
        defer { try? FileManager.default.removeItem(at: temporary) }
        if MailzoneBinary.shouldRun {
            for example in ExamplesTests.examples {
                let result = try MailzoneBinary.run(
                    ["check", "--format", "json"], in: ExamplesTests.directory(example))
                let url = temporary.appendingPathComponent("\(example).json")
                try result.stdout.write(to: url)
                pairs.append(("check.schema.json", url.path))
            }
        }

        // records --format json without a checklist: a declaration error, and a domain that is no sender.
        if MailzoneBinary.shouldRun {
            for (name, arguments) in [
                ("records-unknown", ["records", "nope.example", "--format", "json"]),
                ("records-bad-config", ["records", "x.example", "--format", "json", "--config", "missing.yaml"]),
            ] {
                let result = try MailzoneBinary.run(arguments, in: ExamplesTests.directory("tencent-ses-primary"))
                let url = temporary.appendingPathComponent("\(name).json")
                try result.stdout.write(to: url)
                pairs.append(("records.schema.json", url.path))
            }
        }

        // A narrowed plan and check (`--sender`): the plan's `target`.
        if MailzoneBinary.shouldRun {
            for (name, schema, command) in [
                ("plan-narrowed", "plan.schema.json", "plan"), ("check-narrowed", "check.schema.json", "check"),
            ] {
                let result = try MailzoneBinary.run(
                    [command, "--sender", "sampledomain.com", "--format", "json"],
                    in: ExamplesTests.directory("tencent-ses-primary"))
                #expect(result.output.contains("\"target\" : {"), "\(name)")
                let url = temporary.appendingPathComponent("\(name).json")
                try result.stdout.write(to: url)
                pairs.append((schema, url.path))
            }
        }

        // records --managed: after apply has written its markers, whole and narrowed.
        if MailzoneBinary.shouldRun {
            let applied = try ApplySupport.copy(ExamplesTests.directory("tencent-plus-google"))
            defer { try? FileManager.default.removeItem(at: applied.deletingLastPathComponent()) }
            #expect(try MailzoneBinary.run(["apply", "--auto-approve"], in: applied).status == 0)
            for (name, extra) in [("managed", [String]()), ("managed-narrowed", ["--zone", "corp2.example"])] {
                let result = try MailzoneBinary.run(["records", "--managed", "--format", "json"] + extra, in: applied)
                #expect(result.output.contains("\"spf\" : {"), "\(name)")
                let url = temporary.appendingPathComponent("\(name).json")
                try result.stdout.write(to: url)
                pairs.append(("managed.schema.json", url.path))
            }
        }

        let results = try SchemaValidator.validate(pairs, schemas: DeclarationFixtures.schemas)
        for name in ["plan.schema.json", "check.schema.json", "records.schema.json", "managed.schema.json"] {
            #expect(results[name] == "VALID", "\(name) is not a valid Draft 2020-12 schema")
        }
        for pair in pairs {
            #expect(results[pair.path] == "VALID", "\(pair.path): \(results[pair.path] ?? "no result")")
        }
    }
}
