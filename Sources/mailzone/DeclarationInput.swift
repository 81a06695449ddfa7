import ArgumentParser
import MailZone

/// `--config FILE`, shared by every command that reads the declaration.
struct DeclarationInput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The declaration file.", valueName: "file"))
    var config = "mailzone.yaml"

    /// The declaration, or every one of its errors on stderr (`file:line:col: error: ...`) and exit 1.
    func load() throws -> Declaration {
        do {
            return try DeclarationSource.load(path: config)
        } catch {
            Terminal.writeError(error.description, terminator: "")
            throw ExitCode(1)
        }
    }
}
