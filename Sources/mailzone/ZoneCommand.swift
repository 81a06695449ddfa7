import ArgumentParser
import Foundation
import MailZone
import ZoneFile

/// `mailzone zone check|dump FILE`: the zone-file library on its own.
struct ZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zone",
        abstract: "Parse a zone file: report its problems or print its records.",
        subcommands: [ZoneCheckCommand.self, ZoneDumpCommand.self]
    )
}

/// Options shared by the zone subcommands.
struct ZoneInputOptions: ParsableArguments {
    @Argument(help: "The zone file.")
    var file: String

    @Option(help: "The zone's origin (default: the file's first $ORIGIN, else its first absolute owner).")
    var origin: String?

    @Option(
        help: ArgumentHelp(
            "Resolve relative $INCLUDE paths from this directory instead of the including file's, as BIND does with its working directory.",
            valueName: "dir"))
    var includeBase: String?

    func loadOptions() throws -> LoadOptions {
        var options = LoadOptions()
        // Read as named-checkzone reads a zone: its includes wherever they point.
        options.includes = .anywhere
        if let origin {
            do {
                options.origin = try DomainName(parsing: origin.hasSuffix(".") ? origin : origin + ".")
            } catch {
                throw ValidationError("--origin '\(origin)' is not a domain name: \(error)")
            }
        }
        if let includeBase { options.includeBase = .directory(includeBase) }
        return options
    }
}

struct ZoneCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem in a zone file; exit 0 when it has no errors, 1 otherwise."
    )

    @OptionGroup var input: ZoneInputOptions

    @Flag(help: "Print nothing but the diagnostics.")
    var quiet = false

    @Flag(help: "Print where the time went (read, parse, checks) on standard error.")
    var timings = false

    @Flag(
        help:
            "Only split the file into its lossless syntax (entries, tokens); report lexical problems, read no records.")
    var syntaxOnly = false

    func run() async throws {
        if syntaxOnly { return try checkSyntax() }
        // Checking needs the diagnostics, not the records: the lean load keeps little beyond the file's bytes.
        var options = try input.loadOptions()
        options.keepRecords = false
        let zone = ZoneLoader.load(path: input.file, options: options)
        let formatter = DiagnosticFormatter(color: Terminal.wantsColor(fileDescriptor: 2))
        for diagnostic in zone.diagnostics { Terminal.writeError(formatter.format(diagnostic)) }
        let errors = zone.diagnostics.filter { $0.severity == .error }.count
        let warnings = zone.diagnostics.count - errors
        if !quiet {
            let origin = zone.origin.map { " \($0)" } ?? ""
            print(
                "\(input.file):\(origin) \(zone.recordCount) records, \(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings")"
            )
        }
        if timings {
            Terminal.writeError(zone.timings.line(then: "checks \(DurationText.format(zone.timings.checks))"))
        }
        if errors > 0 { throw ExitCode(1) }
    }
}

extension ZoneCheckCommand {
    /// `--syntax-only`: the lexical layer alone, timed with `--timings`.
    private func checkSyntax() throws {
        let start = ContinuousClock.now
        let source: SourceFile
        do {
            source = try SourceFile.read(path: input.file)
        } catch {
            Terminal.writeError(error.description)
            throw ExitCode(1)
        }
        let read = ContinuousClock.now
        let (syntax, diagnostics) = ZoneFileSyntax.parse(source)
        let parsed = ContinuousClock.now
        let formatter = DiagnosticFormatter(color: Terminal.wantsColor(fileDescriptor: 2))
        for diagnostic in diagnostics { Terminal.writeError(formatter.format(diagnostic)) }
        if !quiet {
            print(
                "\(input.file): \(syntax.entries.count) entries, \(diagnostics.count) lexical \(diagnostics.count == 1 ? "error" : "errors")"
            )
        }
        if timings {
            let t = LoadTimings(read: read - start, parse: parsed - read, bytes: source.bytes.count)
            Terminal.writeError(t.line(then: "syntax only"))
        }
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }
}

struct ZoneDumpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print the zone's records canonically, one per line, with absolute names."
    )

    @OptionGroup var input: ZoneInputOptions

    @Flag(help: "Sort records in DNSSEC canonical order (RFC 4034 §6) instead of file order.")
    var sorted = false

    func run() async throws {
        let zone = ZoneLoader.load(path: input.file, options: try input.loadOptions())
        let formatter = DiagnosticFormatter(color: Terminal.wantsColor(fileDescriptor: 2))
        for diagnostic in zone.diagnostics { Terminal.writeError(formatter.format(diagnostic)) }
        var records = zone.records
        if sorted { records = ZoneDump.canonicalOrder(records) }
        var output = Terminal.BufferedOutput()
        for record in records { output.write(record.description + "\n") }
        output.flush()
        if zone.hasErrors { throw ExitCode(1) }
    }
}

extension LoadTimings {
    /// The `--timings` line: the read and the parse with its speed, then `last` (the checks' time, or
    /// that only the syntax was read).
    fileprivate func line(then last: String) -> String {
        "timings: read \(DurationText.format(read)), parse \(DurationText.format(parse))"
            + " (\(Int(parseMegabytesPerSecond)) MB/s over \(bytes) bytes), \(last)"
    }
}
