import CLibYAML
import Foundation
import ZoneFile

/// Reads a YAML file into a `YAMLNode` tree, turning every failure into a positioned error.
///
/// The checks run in the order a user would want to hear about them: the file
/// cannot be read, is too large, is not UTF-8 text or holds a NUL byte (a binary
/// file given by mistake); then, reading on from the top, the first place where the
/// text is not valid YAML (libyaml's own position) or crosses a limit of `YAMLLimits`.
enum YAMLSource {
    /// Reads and parses the file at `url`; errors name it as `displayPath`.
    static func load(contentsOf url: URL, displayPath: String, limits: YAMLLimits = .standard)
        throws(DeclarationError) -> YAMLNode?
    {
        let start = YAMLLocation(file: displayPath, line: 1, column: 1)
        let source: SourceFile
        do {
            // Refuses directories, FIFOs (which would block) and devices, and reads no more than the limit.
            source = try SourceFile.read(path: url.path, maxBytes: limits.maxBytes)
        } catch {
            if error.tooLarge {
                throw DeclarationError(
                    at: start,
                    "\(displayPath) is larger than \(limits.maxBytes) bytes; mailzone reads at most \(limits.maxBytes)",
                    hint: "is this the right file? a declaration is a few kilobytes")
            }
            throw DeclarationError(
                at: start, "cannot read \(displayPath): \(error.reason)",
                hint: "check that the file exists and is readable")
        }
        return try parse(source: source.bytes, file: displayPath, limits: limits)
    }

    /// Parses a file's bytes as read (a large file mapped, not copied: the tree's scalars are read
    /// from them in place, and a copy of a 10 MB declaration was 10 MB more memory and a pass over
    /// it). A mapped file cut short by another program while it is read reads as zeros past the
    /// cut: whatever error or tree they made, the file is reported as changed instead once a read
    /// met a page past the end (the zeros after the end in the cut page are refused as NUL bytes).
    static func parse(source bytes: SourceBytes, file: String, limits: YAMLLimits = .standard)
        throws(DeclarationError) -> YAMLNode?
    {
        let root: YAMLNode?
        do {
            root = try parse(input: .source(bytes), file: file, limits: limits)
        } catch {
            throw bytes.wasCut ? changedWhileRead(file) : error
        }
        if bytes.wasCut { throw changedWhileRead(file) }
        return root
    }

    /// The error for a file cut short while it was read (`YAMLInput.wasCut`).
    static func changedWhileRead(_ file: String) -> DeclarationError {
        DeclarationError(
            at: YAMLLocation(file: file, line: 1, column: 1),
            "\(file) was cut short while mailzone read it (another program truncated it)",
            hint: "run mailzone again once the file is written")
    }

    /// Parses YAML bytes; `file` is the name used in errors. Reads `data` in place and keeps it
    /// with the document (scalars' text is read from it): a copy of a 6 MB declaration would be
    /// 6 MB more at the peak.
    static func parse(data: Data, file: String, limits: YAMLLimits = .standard) throws(DeclarationError) -> YAMLNode? {
        try parse(input: .data(data), file: file, limits: limits)
    }

    static func parse(bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(DeclarationError)
        -> YAMLNode?
    {
        try parse(input: .bytes(bytes), file: file, limits: limits)
    }

    /// Parses YAML bytes: checks they are UTF-8 text without NUL, then builds the tree from
    /// libyaml's events under `limits` (the node cap scaled to the file's size).
    static func parse(input: YAMLInput, file: String, limits: YAMLLimits) throws(DeclarationError) -> YAMLNode? {
        try input.withBytes { buffer in
            Result { () throws(DeclarationError) in
                let text = try checkedText(buffer, file: file, limits: limits)
                var scaled = limits
                scaled.maxNodes = limits.nodeCap(forBytes: text.count)
                var builder = YAMLTreeBuilder(file: file, limits: scaled, input: input)
                return try builder.build(buffer, text: text)
            }
        }.get()
    }

    // MARK: - Bytes to text

    /// The range of `bytes` holding the text: UTF-8 after any byte-order mark. Refuses other
    /// encodings, NUL bytes and oversized files, naming the line and column.
    static func checkedText(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits)
        throws(DeclarationError) -> Range<Int>
    {
        if bytes.count > limits.maxBytes {
            throw DeclarationError(
                at: YAMLLocation(file: file, line: 1, column: 1),
                "\(file) is \(bytes.count) bytes long; mailzone reads at most \(limits.maxBytes)",
                hint: "is this the right file? a declaration is a few kilobytes")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Most declarations are ASCII: one pass over the bytes shows it, without decoding.
        if bytes[start...].allSatisfy({ $0 != 0 && $0 < 0x80 }) { return start..<bytes.count }
        var line = 1
        var column = 1
        var iterator = bytes[start...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value == 0 {
                    throw DeclarationError(
                        at: YAMLLocation(file: file, line: line, column: column),
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
                throw DeclarationError(
                    at: YAMLLocation(file: file, line: line, column: column),
                    "\(file) is not UTF-8 text (invalid byte sequence here)",
                    hint: "save the file as UTF-8")
            case .emptyInput:
                break loop
            }
        }
        return start..<bytes.count
    }

    // MARK: - libyaml errors

    /// libyaml's error as a positioned message: its problem, where it found it, and the
    /// construct it was reading ("while parsing a flow sequence at line 4, column 15").
    static func syntaxError(_ parser: yaml_parser_t, file: String, bytes: UnsafeBufferPointer<UInt8>)
        -> DeclarationError
    {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_READER_ERROR:
            let position = lineAndColumn(ofByteOffset: parser.problem_offset, in: bytes)
            return DeclarationError(
                at: YAMLLocation(file: file, line: position.line, column: position.column),
                "invalid YAML: \(problem)",
                hint: "remove the control character; values cannot contain them")
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                message +=
                    " (\(String(cString: context)) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            let line = Int(parser.problem_mark.line) + 1
            let column = Int(parser.problem_mark.column) + 1
            return DeclarationError(
                at: YAMLLocation(file: file, line: line, column: column), message,
                hint: "check the indentation and quoting on this line and the one before it")
        case YAML_MEMORY_ERROR:
            return DeclarationError(
                at: YAMLLocation(file: file, line: 1, column: 1), "cannot parse the YAML: out of memory")
        default:
            return DeclarationError(
                at: YAMLLocation(file: file, line: 1, column: 1), "cannot parse the YAML: \(problem)")
        }
    }

    /// Line and column (from 1, columns in Unicode scalars as libyaml counts) of the byte at `offset`.
    private static func lineAndColumn(ofByteOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>)
        -> (line: Int, column: Int)
    {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
