import ArgumentParser
import DNSClient
import Foundation
import MailZone
import ZoneFile

/// `mailzone apply`: write the planned change with the smallest edit, safely.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Write the planned changes to the zone files.",
        discussion: """
            Without --plan, apply plans afresh, shows the plan and asks for confirmation (on a terminal; \
            --auto-approve for scripts). With --plan FILE it applies exactly that saved plan and refuses \
            when any zone or included file changed since it was made.
            """
    )

    @OptionGroup var input: DeclarationInput

    @OptionGroup var target: TargetInput

    @Option(
        name: .long, help: ArgumentHelp("Apply this saved plan (from `mailzone plan --out FILE`).", valueName: "file"))
    var plan: String?

    @Flag(help: "Do not ask for confirmation.")
    var autoApprove = false

    @Flag(
        help: ArgumentHelp(
            "Let apply delete the records mailzone manages that the declaration no longer asks for "
                + "(or set `deletions: { allow: true }` in mailzone.yaml)."))
    var allowDelete = false

    @Flag(
        help: ArgumentHelp(
            "Let apply delete more than the thresholds allow (deletions.max_records, deletions.max_percent: "
                + "30% of a zone's managed records by default); implies --allow-delete."))
    var forceDelete = false

    @Option(help: "Force the SOA serial scheme: date (YYYYMMDDnn), unixtime or counter.")
    var serial: SerialScheme?

    @Flag(
        help: ArgumentHelp(
            "Edit zone files that have a BIND journal beside them: you froze those zones with `rndc freeze ZONE` "
                + "and thaw them with `rndc thaw ZONE` after apply."))
    var frozen = false

    @Flag(help: "After writing a zone file, run `rndc reload ZONE` (or --reload-command) and report its outcome.")
    var reload = false

    @Option(
        help: ArgumentHelp(
            "The reload command (implies --reload), run by /bin/sh; {zone} is replaced by the zone's name, "
                + "else the name is appended.", valueName: "command"))
    var reloadCommand: String?

    @Option(
        help: ArgumentHelp(
            "Send the changes to this primary server as an RFC 2136 dynamic update instead of writing the zone files "
                + "(for zones named updates itself: allow-update, update-policy).", valueName: "server[:port]"))
    var nsupdate: String?

    @Option(
        help: ArgumentHelp(
            "The TSIG key file (as `tsig-keygen -a hmac-sha256 NAME` writes it) that signs the --nsupdate update.",
            valueName: "file"))
    var tsigKey: String?

    func validate() throws {
        if nsupdate != nil, plan != nil {
            throw ValidationError("--nsupdate plans afresh from the declaration; it cannot apply a saved --plan")
        }
        if nsupdate != nil, reload || reloadCommand != nil || frozen {
            throw ValidationError(
                "--nsupdate changes the zones on the server, no file is written: "
                    + "--reload, --reload-command and --frozen do not apply")
        }
        if plan != nil, !target.isEmpty {
            throw ValidationError(
                "--plan applies the saved plan with the narrowing it was made with; --sender and --zone cannot be given with it"
            )
        }
        if tsigKey != nil, nsupdate == nil {
            throw ValidationError("--tsig-key signs the update of --nsupdate; give --nsupdate SERVER too")
        }
    }

    func run() async throws {
        if let nsupdate {
            try await applyDynamic(server: nsupdate)
            return
        }
        let report: ApplyReport
        do {
            if let plan {
                report = try await applySaved(path: plan)
            } else {
                report = try await applyFresh()
            }
        } catch let error as ApplyError {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        if report.written.isEmpty {
            print("No changes: the zones already satisfy the declaration.")
            return
        }
        for zone in report.plan.zones where !zone.files.isEmpty {
            let serial = zone.serial.map { " (serial \($0.from) => \($0.to))" } ?? ""
            print("Applied \(zone.origin): wrote \(zone.files.map(\.path).joined(separator: ", "))\(serial).")
        }
        if reload || reloadCommand != nil {
            try reloadZones(report.plan.zones.filter { !$0.files.isEmpty }.map(\.origin))
        }
    }

    /// Reloads each written zone in turn; every outcome is reported, and any failure makes the exit status 1.
    private func reloadZones(_ origins: [DomainName]) throws {
        let reloader = ZoneReload(command: reloadCommand)
        var failed = false
        for origin in origins {
            let outcome = reloader.run(origin: origin)
            if outcome.succeeded {
                print(outcome.description)
            } else {
                Terminal.writeError("error: \(outcome.description)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func applyFresh() async throws -> ApplyReport {
        let declaration = try input.load()
        var options = input.plannerOptions(serial: serial)
        options.deletions = DeletionPermission(allow: allowDelete, force: forceDelete)
        options.target = try target.resolve(in: declaration)
        try requireApproval()
        if frozen { options.journal = .frozen }
        return try await Applier.apply(
            declaration, options: options, removedTemporary: Self.reportRemoved, approve: approve)
    }

    /// Without --auto-approve, apply asks on the terminal; a script without a terminal must say so.
    private func requireApproval() throws {
        if !autoApprove, isatty(0) != 1 {
            Terminal.writeError(
                "error: apply asks for confirmation, but standard input is not a terminal; review `mailzone plan` and pass --auto-approve"
            )
            throw ExitCode(1)
        }
    }

    /// Shows the plan and asks (or not, with --auto-approve).
    private func approve(_ plan: Plan) async -> Bool {
        let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
        print(renderer.render(plan))
        return await confirmed()
    }

    /// The plan as --nsupdate carries it out: no SOA line (the server bumps the serial) and a summary
    /// that says where the changes go instead of which files are written; then asks as `approve` does.
    private func approve(updateOf plan: Plan, server: DNSServerAddress) async -> Bool {
        let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
        var text = renderer.notice(plan) + renderer.renderErrors(plan.errors)
        for var zone in plan.zones {
            zone.serial = nil
            text += renderer.renderZone(zone)
        }
        print(
            text + "Plan: \(plan.summary.counts) `mailzone apply --nsupdate` sends the changes to \(server) as "
                + "RFC 2136 updates; the server sets the SOA serial.")
        return await confirmed()
    }

    /// Yes with --auto-approve; else asks on the terminal, and only 'yes' is a yes.
    private func confirmed() async -> Bool {
        if autoApprove { return true }
        return await Terminal.answeredYes("Apply these changes? Only 'yes' is accepted: ")
    }

    /// `--nsupdate`: the plan goes to the server as signed RFC 2136 updates; no file is written.
    private func applyDynamic(server text: String) async throws {
        let server: DNSServerAddress
        let key: TSIGKey?
        do {
            server = try DNSServerAddress(parsing: text)
            key = try tsigKey.map { path throws(TSIGKeyFileError) in try TSIGKeyFile.load(path: path) }
        } catch {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        let declaration = try input.load()
        var options = input.plannerOptions(serial: serial)
        options.deletions = DeletionPermission(allow: allowDelete, force: forceDelete)
        options.target = try target.resolve(in: declaration)
        try requireApproval()
        let update = DynamicUpdateTarget(server: server, key: key, keyPath: tsigKey)
        let report: DynamicApplyReport
        do {
            report = try await DynamicApplier.apply(declaration, options: options, target: update) {
                await approve(updateOf: $0, server: server)
            }
        } catch {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        if report.zones.isEmpty {
            print("No changes: the zones already satisfy the declaration.")
            return
        }
        let signed = key.map { "signed with key \($0.name)" } ?? "unsigned"
        for zone in report.zones {
            print(
                "Updated \(zone.origin) on \(server): \(zone.added) added, \(zone.deleted) deleted, after checking "
                    + "\(zone.prerequisites) \(zone.prerequisites == 1 ? "RRset" : "RRsets") (RFC 2136 UPDATE, \(signed)); "
                    + "the server sets the SOA serial.")
        }
    }

    private func applySaved(path: String) async throws -> ApplyReport {
        let saved: Plan
        do {
            saved = try PlanJSON.decode(try SavedPlanFile.read(path))
        } catch let error as PlanJSONError {
            Terminal.writeError("error: \(path): \(error)")
            throw ExitCode(1)
        } catch let error as SystemError {
            // The system's reason ("No such file or directory"), not Foundation's "The operation could not be completed".
            Terminal.writeError(
                "error: \(path): cannot read the saved plan: \(error); make it with `mailzone plan --out \(path)`")
            throw ExitCode(1)
        } catch {
            Terminal.writeError(
                "error: \(path): the file is not a mailzone plan (not JSON, or not the fields `mailzone plan --out` "
                    + "writes); make it with `mailzone plan --out \(path)`")
            throw ExitCode(1)
        }
        var options = input.plannerOptions()
        options.deletions = DeletionPermission(allow: allowDelete, force: forceDelete)
        if frozen { options.journal = .frozen }
        return try await Applier.apply(
            saved: saved, declaration: try input.load(), options: options,
            removedTemporary: Self.reportRemoved)
    }

    private static func reportRemoved(_ path: String) {
        print("Removed \(path), a temporary file an interrupted apply left behind.")
    }
}

extension SerialScheme: ExpressibleByArgument {}

/// A saved plan's bytes, or the system's reason it cannot be read.
enum SavedPlanFile {
    static func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError.last }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw SystemError.last }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw SystemError(description: "it is not a regular file")
        }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw SystemError(description: "reading failed")
        }
    }
}
