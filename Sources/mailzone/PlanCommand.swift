import ArgumentParser
import Foundation
import MailZone

/// `mailzone plan`: what apply would change, for review.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in the zone files.",
        discussion: """
            Exit status: 0 when there is nothing to do (or changes, without --detailed-exitcode), \
            2 when there are changes and --detailed-exitcode is given, 1 on an error or a conflict.
            """
    )

    @OptionGroup var input: DeclarationInput

    @OptionGroup var target: TargetInput

    @Option(help: "Output format: text, diff, json, markdown.")
    var format: PlanFormat = .text

    @Option(
        name: .long,
        help: ArgumentHelp("Also save the plan as JSON to this file (for `apply --plan`).", valueName: "file"))
    var out: String?

    @Flag(help: "Exit 2 when there are changes (0 then means nothing to do).")
    var detailedExitcode = false

    func run() async throws {
        let declaration = try input.load { errors in
            // JSON and Markdown carry the declaration's errors, worded as on stderr; text and diff leave them there.
            let plan = Plan(declaration: input.config, invalid: errors)
            switch format {
            case .text, .diff: break
            case .json: Terminal.write((try? PlanJSON.encode(plan)) ?? "")
            case .markdown: Terminal.write(PlanMarkdownRenderer(title: "mailzone plan").render(plan, diffs: []))
            }
        }
        var options = input.plannerOptions()
        // Text shows no file's edits; a saved plan holds them.
        options.fileEdits = format != .text || out != nil
        // Only JSON shows the files' digests; a saved plan holds them, for apply to refuse a changed file.
        options.fileDigests = format == .json || out != nil
        options.target = try target.resolve(in: declaration)
        let status: PlanStatus
        do {
            status = try await plan(declaration, options: options)
        } catch let error as PlanSaveError {
            Terminal.writeError("error: \(error)")
            throw ExitCode(1)
        }
        let code = status.planExitCode(detailed: detailedExitcode)
        if code != 0 { throw ExitCode(code) }
    }

    /// Plans in `format` to standard output, saving the plan to `--out` when given.
    private func plan(_ declaration: Declaration, options: PlannerOptions) async throws -> PlanStatus {
        switch format {
        case .text:
            let renderer = PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1)))
            return PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.write(
                        declaration, options: options, errors: renderer.renderErrors,
                        zone: ProcessLifetime.keepingLast { renderer.renderZone($0.plan) },
                        footer: renderer.summaryLine, saveTo: out,
                        output: output)
                })
        case .diff:
            return PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.write(
                        declaration, options: options, errors: { _ in "" },
                        zone: ProcessLifetime.keepingLast {
                            PlanDiff.heldBack(zone: $0.plan) + PlanDiff.render(zone: $0)
                        },
                        footer: PlanDiff.closing, notice: { "# \($0)\n" }, saveTo: out, output: output)
                })
        case .json:
            return PlanStatus(
                try await Terminal.buffered { output in
                    try await PlanStreaming.writeJSON(
                        declaration, options: options, check: false, saveTo: out, output: output)
                })
        case .markdown:
            // The whole plan: Markdown shows it with its diffs.
            let outcome = await Planner.plan(declaration, options: options)
            Terminal.write(PlanMarkdownRenderer(title: "mailzone plan").render(outcome))
            if let out {
                var assembler = PlanJSONAssembler(
                    declaration: outcome.plan.declaration, errors: outcome.plan.errors, target: outcome.plan.target)
                for zone in outcome.plan.zones { try assembler.add(zone) }
                try assembler.save(to: out)
            }
            return PlanStatus(outcome.plan)
        }
    }
}

enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, diff, json, markdown
}

/// "Now", or `SOURCE_DATE_EPOCH` when set, so plans and serials are reproducible.
enum Clock {
    static func now() -> Date {
        if let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(value) {
            return Date(timeIntervalSince1970: seconds)
        }
        return Date()
    }
}
