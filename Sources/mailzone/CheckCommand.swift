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

    @OptionGroup var target: TargetInput

    @Option(help: "Output format: text, github, json, markdown.")
    var format: CheckFormat = .text

    func run() async throws {
        let declaration = try input.load { errors in
            // Every format carries the declaration's errors, worded as on stderr.
            let plan = Plan(declaration: input.config, invalid: errors)
            switch format {
            case .text: break
            case .github:
                Terminal.write(
                    GitHubAnnotations.render(errors: plan.errors) + GitHubAnnotations.closing(PlanTally(plan)))
            case .json: Terminal.write((try? PlanJSON.encode(CheckReport(plan: plan))) ?? "")
            case .markdown: Terminal.write(PlanMarkdownRenderer(title: "mailzone check").render(plan, diffs: []))
            }
        }
        var options = input.plannerOptions()
        // Only the JSON report shows the files' digests.
        options.fileDigests = format == .json
        // Only JSON and Markdown show the files' edits (as edits and as a diff).
        options.fileEdits = format == .json || format == .markdown
        // Only Markdown shows the files' texts (as a diff).
        options.fileTexts = format == .markdown
        options.target = try target.resolve(in: declaration)
        // The verdict names the part checked: "the zones satisfy mailzone.yaml (narrowed to zone b.example.)".
        let checked = declaration.displayPath + (options.target.map { " (narrowed to \($0.summary))" } ?? "")
        let status: PlanStatus
        switch format {
        case .text:
            let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
            status = PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.write(
                        declaration, options: options, errors: renderer.renderErrors,
                        zone: ProcessLifetime.keepingLast { renderer.renderZone($0.plan) },
                        footer: { CheckReport.verdictLine($0, declaration: checked) }, output: output)
                })
        case .github:
            status = PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.write(
                        declaration, options: options, errors: { GitHubAnnotations.render(errors: $0) },
                        zone: ProcessLifetime.keepingLast { GitHubAnnotations.render(zone: $0.plan) },
                        footer: GitHubAnnotations.closing,
                        notice: { "::notice title=mailzone: narrowed::\($0)\n" }, output: output)
                })
        case .json:
            status = PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.writeJSON(declaration, options: options, check: true, output: output)
                })
        case .markdown:
            let outcome = await Planner.plan(declaration, options: options)
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
