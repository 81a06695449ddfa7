import Foundation
import TestSupport
import Testing

@testable import MailZone

/// `mailzone init`: a declaration for zone files that exist, with the services their records show,
/// that plans no change; its refusals; and `mailzone schema`.
@Suite(.enabled(if: MailzoneBinary.shouldRun, "build the mailzone binary first: swift build --product mailzone"))
struct InitTests {
    static let example = ExamplesTests.directory("import-google-sendgrid")

    /// A copy of the import example without its declaration: the zone as a user has it.
    static func freshCopy() throws -> URL {
        let copy = try ApplySupport.copy(example)
        // What init writes: the declaration, and the schema (a link to schemas/ in the example).
        try FileManager.default.removeItem(at: copy.appendingPathComponent("mailzone.yaml"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("mailzone.schema.json"))
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("golden"))
        return copy
    }

    /// init writes the example's mailzone.yaml byte for byte (`MAILZONE_RECORD=1` re-records it and
    /// `golden/init.txt`), and the schema beside it is the repository's.
    @Test func initWritesTheExampleDeclaration() throws {
        let directory = try Self.freshCopy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let result = try MailzoneBinary.run(["init", "zones/db.acme.example"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.isEmpty)
        let written = try Data(contentsOf: directory.appendingPathComponent("mailzone.yaml"))
        let goldenDeclaration = Self.example.appendingPathComponent("mailzone.yaml")
        let goldenOutput = Self.example.appendingPathComponent("golden/init.txt")
        GoldenFile.assert(written, at: goldenDeclaration, what: "init's mailzone.yaml")
        GoldenFile.assert(result.stdout, at: goldenOutput, what: "init's output")
        let schema = try Data(contentsOf: directory.appendingPathComponent("mailzone.schema.json"))
        #expect(
            schema
                == (try Data(
                    contentsOf: DeclarationFixtures.packageRoot.appendingPathComponent("schemas/mailzone.schema.json")))
        )
    }

    /// The point of init: planning what it wrote changes nothing, and check passes.
    @Test func planningTheImportChangesNothing() throws {
        let directory = try Self.freshCopy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        #expect(try MailzoneBinary.run(["init", "zones/db.acme.example"], in: directory).status == 0)
        let plan = try MailzoneBinary.run(["plan", "--format", "json", "--detailed-exitcode"], in: directory)
        #expect(plan.status == 0, "\(plan.output)\(plan.errors)")
        let decoded = try PlanJSON.decode(plan.stdout)
        #expect(!decoded.hasChanges && !decoded.hasProblems)
        #expect(decoded.summary.unchanged == 11)
        #expect(try MailzoneBinary.run(["check"], in: directory).status == 0)
    }

    @Test func initOverwritesNothingWithoutForce() throws {
        let directory = try Self.freshCopy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let declaration = directory.appendingPathComponent("mailzone.yaml")
        try Data("version: 1\n".utf8).write(to: declaration)
        let refused = try MailzoneBinary.run(["init", "zones/db.acme.example"], in: directory)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.errors == "error: mailzone.yaml exists; mailzone init overwrites nothing without --force\n")
        #expect(try ApplySupport.read(declaration) == "version: 1\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mailzone.schema.json").path))
        let forced = try MailzoneBinary.run(["init", "--force", "zones/db.acme.example"], in: directory)
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(try ApplySupport.read(declaration).contains("preset: sendgrid"))
        // The schema file of this version may stay; another one is not overwritten either.
        try FileManager.default.removeItem(at: declaration)
        #expect(try MailzoneBinary.run(["init", "zones/db.acme.example"], in: directory).status == 0)
        try Data("{}".utf8).write(to: directory.appendingPathComponent("mailzone.schema.json"))
        try FileManager.default.removeItem(at: declaration)
        let schema = try MailzoneBinary.run(["init", "zones/db.acme.example"], in: directory)
        #expect(schema.status == 1)
        #expect(
            schema.errors == "error: mailzone.schema.json exists; mailzone init overwrites nothing without --force\n")
    }

    /// `--config DIR/FILE`: `file:` paths are relative to the declaration, not to where init runs.
    @Test func filePathsAreRelativeToTheDeclaration() throws {
        let directory = try Self.freshCopy()
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let result = try MailzoneBinary.run(
            ["init", "--config", "zones/mailzone.yaml", "zones/db.acme.example"], in: directory)
        #expect(result.status == 0, "\(result.errors)")
        let text = try ApplySupport.read(directory.appendingPathComponent("zones/mailzone.yaml"))
        #expect(text.contains("\n    file: db.acme.example\n"))
        #expect(
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("zones/mailzone.schema.json").path))
        let plan = try MailzoneBinary.run(
            ["plan", "--config", "zones/mailzone.yaml", "--detailed-exitcode"], in: directory)
        #expect(plan.status == 0, "\(plan.output)\(plan.errors)")
    }

    /// Bad input: each problem with its file (and line and column for a zone that does not parse),
    /// nothing written.
    @Test func badZoneFilesAreErrorsAndNothingIsWritten() throws {
        let directory = try TemporaryFiles.directory([
            "zones/db.broken":
                "$ORIGIN broken.example.\n@ IN SOA ns1 hostmaster (1 2 3 4 5)\n@ IN NS ns1\n@ IN MX ten mail\n",
            "zones/db.noorigin": "@ 300 IN SOA ns1 hostmaster (1 2 3 4 5)\n@ 300 IN NS ns1\n",
            "zones/db.ok": "$ORIGIN ok.example.\n@ 300 IN SOA ns1 hostmaster (1 2 3 4 5)\n@ 300 IN NS ns1\n",
            "zones/db.ok-again": "$ORIGIN ok.example.\n@ 300 IN SOA ns1 hostmaster (1 2 3 4 5)\n@ 300 IN NS ns1\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try MailzoneBinary.run(
            ["init", "zones/db.broken", "zones/db.noorigin", "zones/db.missing", "zones/db.ok", "zones/db.ok-again"],
            in: directory)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(
            lines.first == "zones/db.broken:4:9: error: MX RDATA: bad preference 'ten': not a number",
            "\(result.errors)")
        #expect(
            lines.contains(
                "error: zones/db.broken has errors; fix them (`mailzone zone check zones/db.broken`) and run init again"
            ))
        #expect(
            lines.contains(
                "zones/db.noorigin:1:1: error: relative owner name '@' but no origin is known; give one with --origin or a $ORIGIN line"
            ))
        #expect(lines.contains("error: zones/db.missing: cannot read the zone file"))
        #expect(
            lines.contains(
                "error: zones/db.ok-again: the zone ok.example. is given twice (also zones/db.ok); give each zone file once"
            ))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mailzone.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("mailzone.schema.json").path))

        let origin = try MailzoneBinary.run(
            ["init", "--origin", "noorigin.example", "zones/db.noorigin"], in: directory)
        #expect(origin.status == 0, "\(origin.errors)")
        #expect(origin.output.contains("No email service was recognised in the zones"))
        #expect(
            try ApplySupport.read(directory.appendingPathComponent("mailzone.yaml")).contains(
                "origin: noorigin.example.\n"))
    }

    /// Real zones: init on each corpus zone declares what it recognises, and planning that changes nothing.
    @Test(arguments: RealZoneCorpus.cases())
    func realZonesImportToAnEmptyPlan(_ corpusCase: RealZoneCorpus.Case) throws {
        let directory = try ApplySupport.copy(corpusCase.folder)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let result = try MailzoneBinary.run(
            ["init", "--origin", corpusCase.origin, corpusCase.zone], in: directory)
        #expect(result.status == 0, "\(corpusCase): \(result.errors)")
        let plan = try MailzoneBinary.run(["plan", "--detailed-exitcode"], in: directory)
        // A zone where nothing is recognised has no sender: the declaration then needs one, exit 1.
        let declared = try ApplySupport.read(directory.appendingPathComponent("mailzone.yaml"))
        if declared.contains("senders: []") {
            #expect(plan.status == 1)
        } else {
            #expect(plan.status == 0, "\(corpusCase): \(plan.output)\(plan.errors)\n\(declared)")
        }
    }

    /// Two corpus zones with Google Workspace: tonkat.su has it whole, with Google's older MX set
    /// (`mx: keep-existing`) and its 1024-bit key copied from the zone; sjchen.net has no SPF record,
    /// so declaring Google there would add one: init says so instead.
    @Test func realGoogleZonesAreRecognised() throws {
        func initialise(_ name: String) throws -> (output: String, declared: String) {
            let corpusCase = try #require(RealZoneCorpus.cases().first { $0.name == name })
            let directory = try ApplySupport.copy(corpusCase.folder)
            defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
            let result = try MailzoneBinary.run(
                ["init", "--origin", corpusCase.origin, corpusCase.zone], in: directory)
            #expect(result.status == 0, "\(result.errors)")
            return (result.output, try ApplySupport.read(directory.appendingPathComponent("mailzone.yaml")))
        }
        let tonkat = try initialise("bsdlp-tonkat-su")
        #expect(tonkat.output.contains("Senders found: tonkat.su (google-workspace)."), "\(tonkat.output)")
        #expect(tonkat.declared.contains("    mx: keep-existing"))
        #expect(tonkat.declared.contains("    mx_not_added: [google-workspace]\n"))
        #expect(
            tonkat.declared.contains(
                "          google: \"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCCeg3e7"))
        #expect(
            tonkat.declared.contains(
                "#   nsd/zones/tonkat.su:20  tonkat.su.  MX 10 aspmx2.googlemail.com.: no declared service has this MX host\n"
            ))
        let sjchen = try initialise("bsdlp-sjchen-net")
        #expect(sjchen.declared.contains("senders: []"))
        #expect(
            sjchen.declared.contains(
                "#   google-workspace at sjchen.net.: set up in part; the zone lacks include:_spf.google.com in the SPF record\n"
            ))
        #expect(
            sjchen.declared.contains(
                "#   nsd/zones/sjchen.net:29  google._domainkey.sjchen.net.  DKIM selector google (TXT): no declared service has it\n"
            ))
    }

    @Test func schemaPrintsTheBuiltInSchemas() throws {
        let directory = try ApplySupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = DeclarationFixtures.packageRoot.appendingPathComponent("schemas")
        for (name, file) in [
            ("mailzone", "mailzone"), ("declaration", "mailzone"), ("plan", "plan"), ("preset", "preset"),
        ] {
            let result = try MailzoneBinary.run(["schema", name], in: directory)
            #expect(result.status == 0)
            #expect(
                result.stdout == (try Data(contentsOf: root.appendingPathComponent("\(file).schema.json"))), "\(name)")
        }
        let unknown = try MailzoneBinary.run(["schema", "plam"], in: directory)
        #expect(unknown.status == 1)
        #expect(
            unknown.errors
                == "error: mailzone has no schema 'plam'; did you mean 'plan'?\n    schemas: check, mailzone, managed, plan, preset, records, verify\n"
        )
    }
}
