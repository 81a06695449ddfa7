import ArgumentParser
import MailZone

/// `--config FILE`, shared by every command that reads the declaration.
struct DeclarationInput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The declaration file.", valueName: "file"))
    var config = "mailzone.yaml"

    @Flag(help: "Let zone files and their $INCLUDEs be read outside the declaration's directory tree.")
    var allowOutside = false

    /// Planner settings from the command line and the environment.
    func plannerOptions(serial: SerialScheme? = nil) -> PlannerOptions {
        PlannerOptions(now: Clock.now(), serialScheme: serial, allowOutside: allowOutside)
    }

    /// The declaration, or every one of its errors on stderr (`file:line:col: error: ...`), then
    /// `reported` (`check --format github` also annotates them), and exit 1.
    func load(reported: (DeclarationErrors) -> Void = { _ in }) throws -> Declaration {
        do {
            let declaration = try DeclarationSource.load(path: config)
            ProcessLifetime.keep(declaration)
            return declaration
        } catch {
            Terminal.writeError(error.description, terminator: "")
            reported(error)
            throw ExitCode(1)
        }
    }
}
