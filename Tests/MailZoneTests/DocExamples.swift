import Foundation

/// The runnable parts of a Markdown document (README.md, docs/*.md), read for `DocTests`.
///
/// Two kinds of fenced blocks are run; every other block is only prose:
///
/// - ```` ```console ````: a shell session. A line starting with `$ ` is a command (run by
///   `/bin/sh` with the built `mailzone` first on `PATH`); the lines after it, up to the next
///   command, are what it prints (stdout and stderr as a terminal shows them). A line that is
///   only `...` stands for any number of lines. A command's exit status is not compared
///   unless the block prints it (`$ mailzone check; echo "exit $?"`).
/// - ```` ```yaml file=PATH ````: written to PATH before the blocks that follow it run, so a
///   declaration shown in the docs is the one the commands after it read.
///
/// The expected output lives in the Markdown itself, right under its command, so a change
/// of output is a change of the docs in the same commit (`MAILZONE_RECORD=1` rewrites them).
struct DocExamples {
    /// One `$ command` and the output written under it.
    struct Command {
        var line: Int
        var text: String
        /// Index range of the expected lines within the document's lines.
        var outputLines: Range<Int>
        var expected: [String]
    }

    enum Block {
        case session(line: Int, commands: [Command])
        case file(line: Int, path: String, text: String)
    }

    let path: String
    let lines: [String]
    let blocks: [Block]

    init(path: String, text: String) {
        self.path = path
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var blocks: [Block] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasPrefix("```"), line.count > 3 else {
                index += 1
                continue
            }
            let info = line.dropFirst(3).split(separator: " ").map(String.init)
            let start = index
            var end = index + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            let body = Array(start + 1..<end)
            if info.first == "console" {
                var commands: [Command] = []
                for position in body {
                    if lines[position].hasPrefix("$ ") {
                        commands.append(
                            Command(
                                line: position + 1, text: String(lines[position].dropFirst(2)),
                                outputLines: position + 1..<position + 1, expected: []))
                    } else if !commands.isEmpty {
                        commands[commands.count - 1].outputLines =
                            commands[commands.count - 1].outputLines.lowerBound..<position + 1
                        commands[commands.count - 1].expected.append(lines[position])
                    }
                }
                blocks.append(.session(line: start + 1, commands: commands))
            } else if let file = info.dropFirst().first(where: { $0.hasPrefix("file=") }) {
                let text = body.map { lines[$0] + "\n" }.joined()
                blocks.append(.file(line: start + 1, path: String(file.dropFirst("file=".count)), text: text))
            }
            index = end + 1
        }
        self.blocks = blocks
    }

    /// Whether `actual` is what `expected` shows, a `...` line standing for any lines.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            let rest = expected.dropFirst()
            return (actual.startIndex...actual.endIndex).contains { matches(rest, actual[$0...]) }
        }
        guard let line = actual.first, line == first else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }
}
