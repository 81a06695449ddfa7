import ArgumentParser
import Foundation
import MailZone

/// `mailzone plan`: what apply would change, for review.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what apply would change in the zone files."
    )

    @Option(name: .long, help: "The declaration file.")
    var config = "mailzone.yaml"

    @Option(help: "Output format: text, diff, json, markdown.")
    var format: PlanFormat = .text

    @Flag(help: "Exit 2 when there are changes (0 means nothing to do).")
    var detailedExitcode = false

    func run() async throws {
        let declaration: Declaration
        do {
            declaration = try DeclarationSource.load(path: config)
        } catch {
            Terminal.writeError(error.description)
            throw ExitCode(1)
        }
        let outcome = Planner.plan(declaration, options: PlannerOptions(now: Clock.now()))
        switch format {
        case .text:
            print(PlanTextRenderer(style: TextStyle(color: Terminal.wantsColor(fileDescriptor: 1))).render(outcome.plan), terminator: "")
        case .diff:
            for zone in outcome.plan.zones {
                for file in zone.files {
                    print(UnifiedDiff.diff(old: outcome.originalFiles[file.path] ?? [], new: outcome.newFiles[file.path] ?? [],
                                           path: file.path), terminator: "")
                }
            }
        default:
            Terminal.writeError("format \(format.rawValue) is not available yet")
            throw ExitCode(1)
        }
        if outcome.plan.hasProblems { throw ExitCode(1) }
        if detailedExitcode, outcome.plan.hasChanges { throw ExitCode(2) }
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
