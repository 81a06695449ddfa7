import Foundation
import Testing

/// mailzone's JSON outputs agree with their schemas (`schemas/plan.schema.json`,
/// `check.schema.json`, `records.schema.json`): every golden `plan.json` and
/// `records-*.json` of the examples, and each example's `check --format json`,
/// validated by Python's `jsonschema` (Draft 2020-12), the schemas themselves checked too.
@Suite(.enabled(if: SchemaValidator.isAvailable || MailzoneBinary.underCI, "python3 with jsonschema is needed"))
struct OutputSchemaTests {
    static let script = #"""
        import json, sys, pathlib
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        schemas = pathlib.Path(sys.argv[1])
        names = ("plan.schema.json", "check.schema.json", "records.schema.json", "managed.schema.json")
        docs = {n: json.loads((schemas / n).read_text()) for n in names}
        for name, doc in docs.items():
            Draft202012Validator.check_schema(doc)
            print(name + "\tVALID")
        registry = Registry().with_resources([(d["$id"], Resource.from_contents(d)) for d in docs.values()])
        args = sys.argv[2:]
        for schema_name, path in zip(args[0::2], args[1::2]):
            validator = Draft202012Validator(docs[schema_name], registry=registry)
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
            errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
            if errors:
                where = "/".join(map(str, errors[0].absolute_path))
                print(path + "\tINVALID " + where + ": " + errors[0].message.replace("\n", " "))
            else:
                print(path + "\tVALID")
        """#

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
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mailzone-check-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
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

        let results = try run(pairs.flatMap { [$0.schema, $0.path] })
        for name in ["plan.schema.json", "check.schema.json", "records.schema.json", "managed.schema.json"] {
            #expect(results[name] == "VALID", "\(name) is not a valid Draft 2020-12 schema")
        }
        for pair in pairs {
            #expect(results[pair.path] == "VALID", "\(pair.path): \(results[pair.path] ?? "no result")")
        }
    }

    private func run(_ arguments: [String]) throws -> [String: String] {
        let result = try ToolProcess.run("python3", ["-c", Self.script, DeclarationFixtures.schemas.path] + arguments)
        let output = result.output
        #expect(result.status == 0, "python failed: \(output)")
        var results: [String: String] = [:]
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { results[String(parts[0])] = String(parts[1]) }
        }
        return results
    }
}
