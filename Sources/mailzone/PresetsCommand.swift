import ArgumentParser
import MailAuth
import MailZone

/// `mailzone presets [NAME]`: the built-in services, or one of them in full.
struct PresetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "List the built-in services, or show one with its inputs and records.",
        discussion: "Exit status: 0; 1 for an unknown NAME."
    )

    @Argument(help: "A preset to show in full.")
    var name: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also list and show the presets this declaration defines under `presets:`.",
            valueName: "file"))
    var config: String?

    func run() async throws {
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
}
