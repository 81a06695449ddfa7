import ArgumentParser
import MailAuth
import MailZone

/// `mailzone presets [NAME]`: the built-in services, or one of them in full.
struct PresetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the built-in services, or show one with its inputs and records.",
        discussion: """
            With --domain-connect FILE, show the records a Domain Connect template gives, its variables \
            set with --param NAME=VALUE. Exit status: 0; 1 for an unknown NAME or a template that cannot be used.
            """
    )

    @Argument(help: "A preset to show in full.")
    var name: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also list and show the presets this declaration defines under `presets:`.",
            valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("domain-connect"),
        help: ArgumentHelp(
            "Show what a Domain Connect template (providerId.serviceId.json) would plan.", valueName: "file"))
    var domainConnect: String?

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A value for one of the template's variables (repeat for each).", valueName: "name=value"))
    var params: [String] = []

    @Option(
        name: .customLong("group"),
        help: ArgumentHelp("Apply only this groupId of the template (repeat for each; default all).", valueName: "id"))
    var groups: [String] = []

    @Option(help: ArgumentHelp("The zone the template is applied to.", valueName: "domain"))
    var domain = PresetReport.exampleDomain

    @Option(
        help: ArgumentHelp(
            "The host below --domain the template is applied to (default: the zone itself).", valueName: "host"))
    var host = ""

    func run() async throws {
        if let domainConnect {
            try showDomainConnect(domainConnect)
            return
        }
        if !params.isEmpty || !groups.isEmpty || domain != PresetReport.exampleDomain || !host.isEmpty {
            // Said rather than ignored: the values would otherwise seem to have been used.
            Terminal.writeError(
                "error: --param, --group, --domain and --host go with --domain-connect FILE\n"
                    + "    fix: add --domain-connect FILE, or leave them out")
            throw ExitCode(1)
        }
        let catalog: PresetCatalog
        do {
            if let config {
                // The built-in presets and the declaration's own, as plan sees them.
                catalog = try DeclarationSource.load(path: config).catalog
            } else {
                catalog = try PresetCatalog.builtIn(files: BuiltInPresets.files())
            }
        } catch {
            Terminal.writeError(String(describing: error), terminator: "")
            throw ExitCode(1)
        }
        guard let name else {
            Terminal.write(PresetReport.list(catalog))
            return
        }
        do {
            Terminal.write(PresetReport.detail(try PresetReport.find(name, in: catalog, builtInOnly: config == nil)))
        } catch {
            Terminal.writeError("error: \(error.description)")
            throw ExitCode(1)
        }
    }

    /// `--domain-connect FILE`: the template's records, or its problems on stderr and exit 1.
    private func showDomainConnect(_ file: String) throws {
        if name != nil || config != nil {
            Terminal.writeError("error: --domain-connect shows a template file; give it without NAME and --config")
            throw ExitCode(1)
        }
        var values: [(name: String, value: String)] = []
        for param in params {
            guard let equals = param.firstIndex(of: "="), equals != param.startIndex else {
                Terminal.writeError(
                    "error: --param '\(param)' is not NAME=VALUE\n    fix: write the variable without %, like --param dkimkey=MIIB...\n"
                )
                throw ExitCode(1)
            }
            values.append((String(param[..<equals]), String(param[param.index(after: equals)...])))
        }
        let target = DomainConnectReport.Target(domain: domain, host: host)
        switch DomainConnectReport.render(
            file: file, params: values, groups: groups.isEmpty ? nil : groups, target: target)
        {
        case .success(let report):
            Terminal.write(report)
        case .failure(let errors):
            for error in errors.errors {
                // A problem in the template has its line and column; one in an option names the option.
                if error.file.hasPrefix("--") {
                    Terminal.writeError(
                        "error: \(error.file): \(error.message)" + (error.hint.map { "\n    fix: \($0)" } ?? ""))
                } else {
                    Terminal.writeError(error.description)
                }
            }
            throw ExitCode(1)
        }
    }
}
