import Foundation
import TestSupport
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
        let results = try SchemaValidator.validate([], schemas: DeclarationFixtures.schemas)
        #expect(results["mailzone.schema.json"] == "VALID")
        #expect(results["preset.schema.json"] == "VALID")
    }

    @Test func validDeclarationsPassTheSchema() throws {
        var files = DeclarationFixtures.yamlFiles(in: "valid").map { DeclarationFixtures.url("valid", $0).path }
        files += Self.examples()
        let results = try SchemaValidator.validate(
            files.map { ("mailzone.schema.json", $0) }, schemas: DeclarationFixtures.schemas)
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
        let results = try SchemaValidator.validate(
            files.map { ("mailzone.schema.json", $0) }, schemas: DeclarationFixtures.schemas)
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
        let results = try SchemaValidator.validate(
            (valid + invalid).map { ("preset.schema.json", $0) }, schemas: DeclarationFixtures.schemas)
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
