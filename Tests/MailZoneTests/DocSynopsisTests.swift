import Foundation
import Testing

/// The usage lines the docs give (a plain code block line `mailzone COMMAND [--option …] …`) name
/// exactly the options the binary's own `--help` usage names, so a flag cannot be added to the
/// command line without the docs, nor documented after it is gone. Output excerpts are run by
/// `DocTests`; these lines are synopses, so they are compared with `--help`, not run.
@Suite(
    .enabled(
        if: MailzoneBinary.shouldRun,
        "build the mailzone binary first: swift build --product mailzone"))
struct DocSynopsisTests {
    /// A usage line of a document: where it is, the subcommand words, the options it names.
    struct Synopsis: CustomStringConvertible {
        var place: String
        var command: [String]
        var options: Set<String>
        var description: String { "\(place): mailzone \(command.joined(separator: " "))" }
    }

    /// Every usage line in a plain (unlabelled) fenced block of README.md and docs/*.md.
    static func synopses() throws -> [Synopsis] {
        var found: [Synopsis] = []
        for document in DocTests.documents {
            let text = try String(
                contentsOf: DocTests.root.appendingPathComponent(document), encoding: .utf8)
            var inPlainBlock = false
            var inOtherBlock = false
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.hasPrefix("```") {
                    if inPlainBlock || inOtherBlock {
                        inPlainBlock = false
                        inOtherBlock = false
                    } else if line == "```" {
                        inPlainBlock = true
                    } else {
                        inOtherBlock = true
                    }
                    continue
                }
                guard inPlainBlock, line.hasPrefix("mailzone ") else { continue }
                let words = line.split(separator: " ").dropFirst()
                let command = words.prefix { $0.first.map { $0.isLowercase && $0.isLetter } ?? false }
                let options = Set(words.compactMap(Self.option))
                found.append(
                    Synopsis(place: "\(document):\(index + 1)", command: command.map(String.init), options: options))
            }
        }
        return found
    }

    /// `--name` out of a usage word such as `[--format`, `[--server` or `--tcp]`.
    static func option(_ word: Substring) -> String? {
        let trimmed = word.drop { $0 == "[" }
        guard trimmed.hasPrefix("--") else { return nil }
        return String(trimmed.prefix { $0 != "]" && $0 != " " && $0 != "=" })
    }

    @Test func everyCommandHasAUsageLine() throws {
        let commands = Set(try Self.synopses().map { $0.command.joined(separator: " ") })
        for command in ["plan", "check", "apply", "records", "verify", "presets", "zone check", "zone dump"] {
            #expect(commands.contains(command), "no usage line for mailzone \(command) in the docs")
        }
    }

    @Test func usageLinesNameTheOptionsOfHelp() throws {
        for synopsis in try Self.synopses() {
            let help = try MailzoneBinary.run(synopsis.command + ["--help"], in: DocTests.root)
            #expect(help.status == 0, "\(synopsis): --help failed")
            let lines = help.output.split(separator: "\n")
            let usage = lines.first { $0.hasPrefix("USAGE: ") } ?? ""
            var options = Set(usage.split(separator: " ").compactMap(Self.option))
            // A usage too long for one line is shortened to `<options>`: the options are then the
            // first word of each entry of the OPTIONS list (but --help and --version, which usage omits).
            if usage.contains("<options>") {
                options = Set(
                    lines.filter { $0.hasPrefix("  -") }.compactMap { line in
                        line.split(separator: " ").first { $0.hasPrefix("--") }.flatMap(Self.option)
                    }
                ).subtracting(["--help", "--version"])
            }
            #expect(
                synopsis.options == options,
                """
                \(synopsis): the docs name \(synopsis.options.sorted()), --help names \(options.sorted()); \
                missing from the docs: \(options.subtracting(synopsis.options).sorted()), \
                not in the binary: \(synopsis.options.subtracting(options).sorted())
                """)
        }
    }
}
