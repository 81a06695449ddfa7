import Foundation
import MailAuth

/// What `mailzone presets --domain-connect FILE [--param NAME=VALUE …]` prints: the template's
/// variables and groups, and the records `plan` would want from it, every variable substituted,
/// so a user sees what a template does before naming it in mailzone.yaml.
public enum DomainConnectReport {
    /// Where the records are shown: the template applied to `domain` (the zone) at `host` below it
    /// (empty for the zone itself), as Domain Connect's apply call names them.
    public struct Target: Sendable {
        public var domain: String
        public var host: String

        public init(domain: String = PresetReport.exampleDomain, host: String = "") {
            self.domain = domain
            self.host = host
        }
    }

    /// The report, or every problem found: in the template (at its line and column) or in the
    /// command line's params (at `commandLine`, a location whose file names the option).
    public static func render(
        file path: String, params: [(name: String, value: String)], groups: [String]? = nil,
        target: Target = Target()
    ) -> Result<String, DeclarationErrors> {
        var diagnostics = Diagnostics()
        let commandLine = YAMLLocation(file: "--param", line: 1, column: 1)
        guard let origin = DeclaredName(target.domain) else {
            return .failure(
                DeclarationErrors([
                    DeclarationError(
                        at: YAMLLocation(file: "--domain", line: 1, column: 1),
                        "'\(target.domain)' is not a valid domain name")
                ]))
        }
        guard let sender = target.host.isEmpty ? origin : origin.appending(relative: target.host) else {
            return .failure(
                DeclarationErrors([
                    DeclarationError(
                        at: YAMLLocation(file: "--host", line: 1, column: 1),
                        "'\(target.host)' is not a valid host name below \(origin.text)")
                ]))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DeclarationErrors([
                    DeclarationError(
                        at: YAMLLocation(file: path, line: 1, column: 1), "cannot read the Domain Connect template",
                        hint: "check the path")
                ]))
        }
        guard let template = DomainConnectLibrary.read(Array(data), displayPath: path, diagnostics: &diagnostics)
        else { return .failure(DeclarationErrors(diagnostics.errors)) }
        let inputs = params.map {
            ServiceInput(name: Located($0.name, at: commandLine), value: Located($0.value, at: commandLine))
        }
        let service = DomainConnectService(
            location: commandLine, displayPath: path, template: template, params: inputs, groups: groups)
        service.check(
            groups: groups?.map { Located($0, at: commandLine) }, commandLine: true, diagnostics: &diagnostics)
        guard diagnostics.isEmpty,
            let definition = DomainConnectPreset.make(
                service, application: DomainConnectPreset.Application(sender: sender, origin: origin),
                diagnostics: &diagnostics)
        else { return .failure(DeclarationErrors(diagnostics.errors)) }
        return .success(report(service, definition: definition, sender: sender, origin: origin))
    }

    static func report(
        _ service: DomainConnectService, definition: PresetDefinition, sender: DeclaredName, origin: DeclaredName
    ) -> String {
        let template = service.template
        var out = "\(template.name): \(template.serviceName) (\(template.providerName))\n"
        out += "Domain Connect template: \(service.displayPath)\n"
        let host = sender == origin ? "none" : sender.relative(to: origin) ?? sender.text
        out += "Applied to: \(sender.text) (domain \(origin.text), host \(host))\n"

        let variables = template.variables
        out += "\nVariables"
        if variables.isEmpty {
            out += ": none\n"
        } else {
            out += " (in mailzone.yaml under `params:`):\n"
            let needed = Set(service.neededVariables)
            for variable in variables {
                let value = service.params.first { $0.name.value == variable }?.value.value
                let state = value.map { "= \($0)" } ?? (needed.contains(variable) ? "(needed)" : "(not used)")
                out += "  \(variable) \(state)\n"
            }
        }
        let groups = template.groups
        if !groups.isEmpty {
            let applied = service.groups ?? groups
            out +=
                "Groups: \(groups.map { applied.contains($0) ? $0 : "\($0) (not applied)" }.joined(separator: ", "))\n"
        }

        func owner(_ name: String) -> String {
            ZoneAssignment.owner(forPresetName: name, sender: sender, origin: origin)?.relative ?? name
        }
        var spfByName: [(name: String, includes: [String])] = []
        for request in definition.spfRequests {
            if let index = spfByName.firstIndex(where: { $0.name == request.spf.name }) {
                spfByName[index].includes.append(request.spf.include)
            } else {
                spfByName.append((request.spf.name, [request.spf.include]))
            }
        }
        let spfRows = spfByName.map { spf in
            (
                RecordPurpose.spf.reviewOrder,
                [
                    owner(spf.name), "TXT",
                    (["v=spf1"] + spf.includes.map { "include:\($0)" } + ["~all"]).joined(separator: " "),
                    "SPFM: merged into the SPF record there; a new record ends with ~all, an existing one keeps its own",
                ]
            )
        }
        let recordRows = definition.preset.records.map { record in
            (record.purpose.reviewOrder, [owner(record.name), record.type, record.value, record.note ?? ""])
        }
        // In plan order: MX, SPF, DKIM, DMARC, the rest; template order within each.
        let rows = (spfRows + recordRows).enumerated()
            .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        out +=
            "\nRecords for \(sender.text) (host records relative to the zone \(origin.text), as `plan` shows them):\n"
        var table = TextTable(header: ["Host record", "Type", "Value"], indent: "  ")
        table.rows = rows.map { Array($0.prefix(3)) }
        let lines = table.render().split(separator: "\n", omittingEmptySubsequences: false)
        out += lines.first.map { $0 + "\n" } ?? ""
        for (row, line) in zip(rows, lines.dropFirst()) {
            out += line + "\n"
            if row.count > 3, !row[3].isEmpty { out += "      (\(row[3]))\n" }
        }
        out += "\nThe template's ttl values are not used: new records take the declared ttl or the zone's default.\n"
        return out
    }
}
