import Foundation
import Testing

@testable import MailZone

/// The JSON Schemas agree with mailzone: every valid declaration (fixtures and
/// `examples/*/mailzone.yaml`) passes `schemas/mailzone.schema.json`, every broken one
/// marked `# schema: reject` fails it, and the same for preset files. Validated by
/// Python's `jsonschema` (Draft 2020-12), the validator editors' schemas are written for, on
/// the files read by YAML 1.2's core schema as mailzone and editors read them.
@Suite(
    .enabled(if: SchemaValidator.isAvailable || MailzoneBinary.underCI, "python3 with jsonschema and PyYAML is needed"))
struct DeclarationSchemaTests {
    @Test func schemasAreValidDraft202012() throws {
        let results = try SchemaValidator.run(kind: "check-schemas", files: [])
        #expect(results == ["mailzone.schema.json": "VALID", "preset.schema.json": "VALID"])
    }

    @Test func validDeclarationsPassTheSchema() throws {
        var files = DeclarationFixtures.yamlFiles(in: "valid").map { DeclarationFixtures.url("valid", $0).path }
        files += Self.examples()
        let results = try SchemaValidator.run(kind: "declaration", files: files)
        for file in files {
            #expect(results[file] == "VALID", "\(file): \(results[file] ?? "no result")")
        }
    }

    @Test func schemaLevelErrorsAreRejectedByBoth() throws {
        let names = try DeclarationFixtures.yamlFiles(in: "invalid").filter {
            try Self.isMarkedSchemaLevel("invalid", $0)
        }
        #expect(names.count >= 8)
        let files = names.map { DeclarationFixtures.url("invalid", $0).path }
        let results = try SchemaValidator.run(kind: "declaration", files: files)
        for (name, file) in zip(names, files) {
            #expect(results[file]?.hasPrefix("INVALID") == true, "the schema accepts \(name)")
            #expect(try !DeclarationFixtures.errorOutput("invalid", name).isEmpty, "mailzone accepts \(name)")
        }
    }

    @Test func presetFilesAgreeWithTheSchema() throws {
        // The built-in presets too: they use every feature of the schema (regions, modes, parts).
        let builtIn = DeclarationFixtures.packageRoot.appendingPathComponent("Sources/MailAuth/Presets")
        let builtInFiles = try FileManager.default.contentsOfDirectory(atPath: builtIn.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { builtIn.appendingPathComponent($0).path }
        let valid =
            DeclarationFixtures.yamlFiles(in: "presets").map { DeclarationFixtures.url("presets", $0).path }
            + builtInFiles
        let invalid = try DeclarationFixtures.yamlFiles(in: "invalid-presets")
            .filter { try Self.isMarkedSchemaLevel("invalid-presets", $0) }
            .map { DeclarationFixtures.url("invalid-presets", $0).path }
        #expect(!invalid.isEmpty)
        let results = try SchemaValidator.run(kind: "preset", files: valid + invalid)
        for file in valid {
            #expect(results[file] == "VALID", "\(file): \(results[file] ?? "no result")")
        }
        for file in invalid {
            #expect(results[file]?.hasPrefix("INVALID") == true, "the preset schema accepts \(file)")
        }
    }

    /// A broken fixture whose first line is `# schema: reject` is wrong in a way the schema can see.
    private static func isMarkedSchemaLevel(_ folder: String, _ name: String) throws -> Bool {
        let data = try Data(contentsOf: DeclarationFixtures.url(folder, name))
        return data.starts(with: Data("# schema: reject\n".utf8))
    }

    /// `examples/*/mailzone.yaml` under the package root, when there are any.
    private static func examples() -> [String] {
        let examples = DeclarationFixtures.packageRoot.appendingPathComponent("examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.sorted().map { examples.appendingPathComponent($0).appendingPathComponent("mailzone.yaml").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
    }
}

/// Runs `python3 -c` with `jsonschema` over files; one result line per file.
enum SchemaValidator {
    static let script = #"""
        import json, sys, pathlib, re
        import yaml
        # YAML 1.2's core schema, as mailzone reads YAML (PyYAML alone reads YAML 1.1: `yes` a
        # boolean, `2026-12-06` a date).
        class CoreSchemaLoader(yaml.SafeLoader):
            yaml_implicit_resolvers = {}
        for tag, pattern, first in [
            ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
            ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
            ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
            ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                      r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
            ("merge", r"^<<$", "<"),
        ]:
            CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))
        CoreSchemaLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^$"), [""])
        from jsonschema import Draft202012Validator
        from referencing import Registry, Resource
        schemas = pathlib.Path(sys.argv[1])
        docs = {n: json.loads((schemas / n).read_text()) for n in ("mailzone.schema.json", "preset.schema.json")}
        kind = sys.argv[2]
        if kind == "check-schemas":
            for name, doc in docs.items():
                Draft202012Validator.check_schema(doc)
                print(name + "\tVALID")
            sys.exit(0)
        registry = Registry().with_resources([(d["$id"], Resource.from_contents(d)) for d in docs.values()])
        schema = docs["mailzone.schema.json" if kind == "declaration" else "preset.schema.json"]
        validator = Draft202012Validator(schema, registry=registry)
        for path in sys.argv[3:]:
            try:
                with open(path, encoding="utf-8") as f:
                    data = yaml.load(f, Loader=CoreSchemaLoader)
            except Exception as e:
                print(path + "\tUNREADABLE " + str(e).replace("\n", " "))
                continue
            errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
            if errors:
                where = "/".join(map(str, errors[0].absolute_path))
                print(path + "\tINVALID " + where + ": " + errors[0].message.replace("\n", " "))
            else:
                print(path + "\tVALID")
        """#

    static let isAvailable: Bool = {
        (try? execute(["-c", "import jsonschema, yaml, referencing"]))?.status == 0
    }()

    /// Results by file path (or schema name for `check-schemas`).
    static func run(kind: String, files: [String]) throws -> [String: String] {
        let result = try execute(["-c", script, DeclarationFixtures.schemas.path, kind] + files)
        #expect(result.status == 0, "python failed: \(result.output)")
        var results: [String: String] = [:]
        for line in result.output.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { results[String(parts[0])] = String(parts[1]) }
        }
        return results
    }

    private static func execute(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ToolProcess.run("python3", arguments)
        return (result.status, result.output)
    }
}
