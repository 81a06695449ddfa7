import ArgumentParser
import Foundation
import MailZone

/// `mailzone check`: the CI gate. The same analysis as `plan`, always with a detailed exit code.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check that the zone files satisfy the declaration (for CI).",
        discussion: """
            Exit status: 0 when the zones satisfy the declaration, 2 when changes are needed, \
            1 on an error or a conflict. --format github prints workflow annotations on the lines concerned.
            """
    )

    @OptionGroup var input: DeclarationInput

    @Option(help: "Output format: text, github, json, markdown.")
    var format: CheckFormat = .text

    func run() async throws {
        let declaration = try input.load { error in
            guard format == .github else { return }
            // Put the declaration's errors on its lines in the pull request too.
            for problem in error.errors {
                let location = PlanLocation(file: problem.file, line: problem.line, column: problem.column)
                let message = problem.hint.map { "\(problem.message)\nfix: \($0)" } ?? problem.message
                Terminal.write(GitHubAnnotations.line(.error, title: "mailzone: invalid declaration", message: message, at: location))
            }
        }
        let options = input.plannerOptions()
        let status: PlanStatus
        switch format {
        case .text:
            let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
            status = PlanStatus(try PlanStreaming.write(
                declaration, options: options, errors: renderer.renderErrors, zone: { renderer.renderZone($0.plan) },
                footer: { CheckReport.verdictLine($0, declaration: declaration.displayPath) }))
        case .github:
            status = PlanStatus(try PlanStreaming.write(
                declaration, options: options, errors: { GitHubAnnotations.render(errors: $0) },
                zone: { GitHubAnnotations.render(zone: $0.plan) }, footer: { _ in "" }))
        case .json:
            status = PlanStatus(try PlanStreaming.writeJSON(declaration, options: options, check: true))
        case .markdown:
            let outcome = Planner.plan(declaration, options: options)
            Terminal.write(PlanMarkdownRenderer(title: "mailzone check").render(outcome))
            status = PlanStatus(outcome.plan)
        }
        let code = status.checkExitCode
        if code != 0 { throw ExitCode(code) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, github, json, markdown
}
