import Foundation
import Testing

/// `mailzone schema [NAME]` prints the JSON schemas of schemas/ from the binary itself, so a
/// user can point an editor at the declaration's schema without knowing where mailzone's
/// repository is hosted (`mailzone schema > mailzone.schema.json`).
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct SchemaCommandTests {
    static let schemas = DeclarationFixtures.packageRoot.appendingPathComponent("schemas")

    /// Every file of schemas/, by its name without `.schema.json`.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: schemas.path)
            .filter { $0.hasSuffix(".schema.json") }
            .map { String($0.dropLast(".schema.json".count)) }
            .sorted()
    }

    @Test func withoutANameItPrintsTheDeclarationSchema() throws {
        let result = try MailzoneBinary.run(["schema"], in: Self.schemas)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors == "")
        #expect(result.stdout == (try Data(contentsOf: Self.schemas.appendingPathComponent("mailzone.schema.json"))))
    }

    @Test func everySchemaFileIsPrintedByItsName() throws {
        let names = try Self.names()
        #expect(names == ["check", "mailzone", "managed", "plan", "preset", "records", "verify"])
        for name in names {
            let result = try MailzoneBinary.run(["schema", name], in: Self.schemas)
            #expect(result.status == 0, "\(name): \(result.errors)")
            let file = try Data(contentsOf: Self.schemas.appendingPathComponent("\(name).schema.json"))
            #expect(result.stdout == file, "mailzone schema \(name) differs from schemas/\(name).schema.json")
        }
    }

    @Test func anUnknownNameListsTheKnownOnes() throws {
        let result = try MailzoneBinary.run(["schema", "plans"], in: Self.schemas)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(
            result.errors
                == "error: mailzone has no schema 'plans'; did you mean 'plan'?\n"
                + "    schemas: check, mailzone, managed, plan, preset, records, verify\n")
    }
}
