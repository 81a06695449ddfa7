import Foundation
import Yams
import ZoneFile

/// Reads a YAML file into a `YAMLNode` tree, turning every failure into a positioned error.
///
/// The checks run in the order a user would want to hear about them: the file
/// cannot be read, is too large, is not UTF-8 text or holds a NUL byte (a binary
/// file given by mistake), is not valid YAML (libyaml's own position), or expands
/// past the limits of `YAMLLimits`.
enum YAMLSource {
    /// Reads and parses the file at `url`; errors name it as `displayPath`.
    static func load(contentsOf url: URL, displayPath: String, limits: YAMLLimits = .standard)
        throws(DeclarationError) -> YAMLNode?
    {
        let start = YAMLLocation(file: displayPath, line: 1, column: 1)
        let data: Data
        do {
            // Refuses directories, FIFOs (which would block) and devices, and reads no more than the limit.
            data = Data(try SourceFile.read(path: url.path, maxBytes: limits.maxBytes).bytes)
        } catch {
            if error.tooLarge {
                throw DeclarationError(at: start, "\(displayPath) is larger than \(limits.maxBytes) bytes; mailzone reads at most \(limits.maxBytes)",
                                       hint: "is this the right file? a declaration is a few kilobytes")
            }
            throw DeclarationError(at: start, "cannot read \(displayPath): \(error.reason)",
                                   hint: "check that the file exists and is readable")
        }
        return try parse(data: data, file: displayPath, limits: limits)
    }

    /// Parses YAML bytes; `file` is the name used in errors.
    static func parse(data: Data, file: String, limits: YAMLLimits = .standard) throws(DeclarationError) -> YAMLNode? {
        let text = try decodeText(data, file: file, limits: limits)
        return try parse(text: text, file: file, limits: limits)
    }

    /// Parses YAML text (already checked to be free of NUL) into a tree.
    static func parse(text: String, file: String, limits: YAMLLimits = .standard) throws(DeclarationError) -> YAMLNode? {
        try YAMLKeyCheck.check(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw convert(error, file: file, text: text)
        } catch {
            throw DeclarationError(at: YAMLLocation(file: file, line: 1, column: 1),
                                   "cannot parse the YAML: \(error)")
        }
        guard let root else { return nil }
        var scaled = limits
        scaled.maxNodes = limits.nodeCap(forBytes: text.utf8.count)
        var builder = YAMLTreeBuilder(file: file, limits: scaled)
        return try builder.build(root)
    }

    // MARK: - Bytes to text

    /// UTF-8 text without a byte-order mark; refuses other encodings, NUL bytes and oversized files.
    static func decodeText(_ data: Data, file: String, limits: YAMLLimits) throws(DeclarationError) -> String {
        if data.count > limits.maxBytes {
            throw DeclarationError(at: YAMLLocation(file: file, line: 1, column: 1),
                                   "\(file) is \(data.count) bytes long; mailzone reads at most \(limits.maxBytes)",
                                   hint: "is this the right file? a declaration is a few kilobytes")
        }
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value == 0 {
                    throw DeclarationError(at: YAMLLocation(file: file, line: line, column: column),
                                           "\(file) contains a NUL byte; it is not a text file",
                                           hint: "check that the file is the YAML declaration and save it as UTF-8 text")
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                throw DeclarationError(at: YAMLLocation(file: file, line: line, column: column),
                                       "\(file) is not UTF-8 text (invalid byte sequence here)",
                                       hint: "save the file as UTF-8")
            case .emptyInput:
                break loop
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Yams errors

    private static func convert(_ error: YamlError, file: String, text: String) -> DeclarationError {
        func location(_ mark: Mark) -> YAMLLocation {
            YAMLLocation(file: file, line: mark.line, column: mark.column)
        }
        let hint = "check the indentation and quoting on this line and the one before it"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem == "found undefined alias" {
                let name = word(at: mark, in: text).map { String($0.drop(while: { $0 == "*" })) } ?? ""
                return DeclarationError(at: location(mark), "the alias *\(name) refers to no anchor",
                                        hint: "define the anchor (&\(name)) earlier in the file, or write the value out")
            }
            if problem == "but found another document" {
                return DeclarationError(at: location(mark), "\(file) holds more than one YAML document",
                                        hint: "keep a single document: remove the '---' line and what follows it")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return DeclarationError(at: location(mark), message, hint: hint)
        case .reader(let problem, let offset, _, _):
            let position = offset.map { lineAndColumn(ofCharacterOffset: $0, in: text) } ?? (1, 1)
            return DeclarationError(at: YAMLLocation(file: file, line: position.0, column: position.1),
                                    "invalid YAML: \(problem)",
                                    hint: "remove the control character; values cannot contain them")
        case .duplicatedKeysInMapping(let duplicates, let context):
            if duplicates.count == 1, let key = duplicates.first,
               let repeated = repeatedKey(key, after: context.mark, in: text) {
                return DeclarationError(at: YAMLLocation(file: file, line: repeated.line, column: repeated.column),
                                        "duplicate key '\(key)' in a mapping",
                                        hint: "'\(key)' is already given at line \(context.mark.line); keep one of them")
            }
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "key" : "keys"
            return DeclarationError(at: location(context.mark), "duplicate \(noun) \(keys) in a mapping",
                                    hint: "a key may appear only once in a mapping; merge the repeated entries")
        default:
            return DeclarationError(at: YAMLLocation(file: file, line: 1, column: 1), "cannot parse the YAML: \(error)")
        }
    }

    /// The second occurrence of a block mapping key: the next line holding `key:` at the first one's
    /// column. Yams reports only the first; the second is the one to point at. Nil for flow mappings
    /// or anything less regular, where the first position is reported instead.
    private static func repeatedKey(_ key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let column = first.column - 1
        let prefixes = ["\(key):", "\"\(key)\":", "'\(key)':"]
        for index in first.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            guard line.count > column else {
                if line.allSatisfy({ $0 == " " || $0 == "\r" }) { continue }
                break
            }
            let indent = String(String.UnicodeScalarView(line[..<column]))
            let rest = String(String.UnicodeScalarView(line[column...]))
            // Text left of the key's column: the mapping has ended (or a new list item began).
            guard indent.allSatisfy({ $0 == " " }) else { break }
            if prefixes.contains(where: { rest.hasPrefix($0) }) { return (index + 1, first.column) }
        }
        return nil
    }

    /// The token starting at `mark` (up to a space or flow indicator).
    private static func word(at mark: Mark, in text: String) -> Substring? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        let scalars = line.unicodeScalars
        guard let start = scalars.index(scalars.startIndex, offsetBy: mark.column - 1, limitedBy: scalars.endIndex)
        else { return nil }
        let rest = Substring(line.unicodeScalars[start...])
        return rest.prefix { !" ,[]{}\t".contains($0) }
    }

    /// Line and column (from 1) of the character at `offset` characters into `text`.
    private static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return (line, column)
    }
}
