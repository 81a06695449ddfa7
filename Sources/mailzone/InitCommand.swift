import ArgumentParser
import Foundation
import MailAuth
import MailZone
import ZoneFile

/// `mailzone init ZONEFILE...`: a starter mailzone.yaml for zone files that exist, with the email
/// services their records already show, so that `mailzone plan` on it changes nothing.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a mailzone.yaml for existing zone files, declaring the email services found in them.",
        discussion: """
            Each zone's origin comes from its $ORIGIN (or first absolute owner, usually the SOA's), or --origin. \
            Services are recognised by matching the zones' records against the presets (SPF includes, DKIM \
            selectors and CNAME targets, MX hosts), with DKIM values copied from the zone; what no preset \
            explains is listed as a comment to decide on. `mailzone plan` on the result shows no change. \
            The declaration's JSON Schema is written beside it (mailzone.schema.json) for editors. \
            Nothing is overwritten without --force. Exit status: 0 written, 1 error (nothing written).
            """
    )

    @Argument(help: ArgumentHelp("The zone files to declare.", valueName: "zonefile"))
    var zoneFiles: [String] = []

    @Option(name: .long, help: ArgumentHelp("The declaration to write.", valueName: "file"))
    var config = "mailzone.yaml"

    @Option(
        help: ArgumentHelp(
            "The zone's origin, for a single zone file without $ORIGIN or absolute owner names.", valueName: "name"))
    var origin: String?

    @Flag(help: "Overwrite the declaration and its schema file when they exist.")
    var force = false

    /// The file the declaration's `$schema` names, beside it.
    static let schemaFile = "mailzone.schema.json"

    func validate() throws {
        if zoneFiles.isEmpty {
            throw ValidationError("name the zone files to declare: mailzone init zones/db.example.com")
        }
        if origin != nil, zoneFiles.count > 1 {
            throw ValidationError("--origin sets the origin of one zone file; give it with one ZONEFILE at a time")
        }
    }

    func run() async throws {
        let schemaPath = FilePaths.path(Self.schemaFile, besideFile: config)
        guard let schema = SchemaCommand.text(of: "mailzone") else {
            Terminal.writeError("error: this mailzone was built without its JSON Schemas; build it again")
            throw ExitCode(1)
        }
        for path in [config, schemaPath] where !force && FileManager.default.fileExists(atPath: path) {
            // The schema file may stay when it is this version's already.
            if path == schemaPath, FileManager.default.contents(atPath: path) == Data(schema.utf8) { continue }
            Terminal.writeError("error: \(path) exists; mailzone init overwrites nothing without --force")
            throw ExitCode(1)
        }
        let written: DeclarationImport.Written
        do {
            let catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
            written = try await DeclarationImport.run(
                zones: zoneFiles.map { DeclarationImport.ZoneInput(path: $0, origin: origin) },
                declarationPath: config, catalog: catalog, schema: Self.schemaFile)
        } catch let error as ImportError {
            Terminal.writeError(error.description)
            throw ExitCode(1)
        }
        do {
            try AtomicText.write(schema, to: schemaPath)
            try AtomicText.write(written.text, to: config)
        } catch {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        var report =
            "Wrote \(config) (\(zoneFiles.count) \(zoneFiles.count == 1 ? "zone" : "zones")) and \(schemaPath).\n"
        if written.senders.isEmpty {
            report +=
                "No email service was recognised in the zones: add your senders to \(config) (`mailzone presets`).\n"
        } else {
            report += "Senders found: \(written.senders.joined(separator: "; ")).\n"
        }
        if !written.unattributed.isEmpty {
            let count = written.unattributed.count
            report +=
                "\(count) \(count == 1 ? "finding" : "findings") not attributed to a service, listed at the end of \(config): decide on each.\n"
        }
        report += "Next: `mailzone plan` (it shows no change), then edit \(config).\n"
        Terminal.write(report)
    }
}

/// Writes a whole text file or nothing: to a temporary file beside it, then renamed over it.
enum AtomicText {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).mailzone-\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "cannot write \(path): \(reason)")
        }
    }
}
