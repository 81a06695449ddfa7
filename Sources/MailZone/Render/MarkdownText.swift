/// Escaping for the Markdown mailzone writes into pull-request comments, where values
/// come from zone files and YAML and may hold any character.
enum MarkdownText {
    /// `text` as inline code, with a fence longer than any backtick run inside it (CommonMark §6.1)
    /// and `|` escaped so the span can sit in a table cell (GitHub reads `\|` there).
    static func code(_ text: String, inTable: Bool = false) -> String {
        let run = longestRun(of: "`", in: text)
        let fence = String(repeating: "`", count: run + 1)
        let body = inTable ? text.replacingOccurrences(of: "|", with: "\\|") : text
        let pad = body.hasPrefix("`") || body.hasSuffix("`") ? " " : ""
        return fence + pad + body + pad + fence
    }

    /// Text made safe: Markdown punctuation escaped, line breaks turned into spaces. Messages
    /// write commands and settings between backticks (`mx: keep-existing`); when the backticks
    /// pair up, those spans stay code spans, the text between them is escaped.
    static func plain(_ text: String, inTable: Bool = false) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.count % 2 == 1 else { return escape(Substring(text), inTable: inTable) }
        var out = ""
        for (index, part) in parts.enumerated() {
            if index % 2 == 0 {
                out += escape(part, inTable: inTable)
            } else {
                out += code(String(part).replacingOccurrences(of: "\n", with: " "), inTable: inTable)
            }
        }
        return out
    }

    private static func escape(_ text: Substring, inTable: Bool) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "~":
                out += "\\" + String(character)
            case "|":
                out += inTable ? "\\|" : "|"
            case "\n", "\r", "\r\n":
                out += " "
            default:
                out.append(character)
            }
        }
        return out
    }

    /// A fence for a code block that cannot be closed by a line inside `text`.
    static func fence(for text: String) -> String {
        String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
    }

    /// A long value shortened for a table cell; the full value is in the diff below the table.
    static func abbreviated(_ text: String, limit: Int = 72) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 16)) + "…" + String(text.suffix(12))
    }

    private static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0
        var current = 0
        for each in text {
            if each == character {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return longest
    }
}
