import ZoneFile

/// Reads a BIND key file, the one `tsig-keygen` writes and named.conf includes:
///
///     key "mailzone-update" {
///         algorithm hmac-sha256;
///         secret "base64==";
///     };
///
/// Only `key` statements are read (with BIND's `#`, `//` and `/* */` comments); anything else
/// is an error naming its line and column, so a wrong file (named.conf itself, an rndc.conf)
/// is refused instead of half-read.
public enum TSIGKeyFile {
    /// The one key in the file at `path`.
    public static func load(path: String) throws(TSIGKeyFileError) -> TSIGKey {
        let source: SourceFile
        do {
            source = try SourceFile.read(path: path, maxBytes: 1 << 20)
        } catch {
            throw TSIGKeyFileError(
                path: path, line: nil, column: nil,
                message: "cannot read the key file (\(error)); make one with `tsig-keygen -a hmac-sha256 NAME > FILE`")
        }
        let keys = try parse(Array(source.bytes), path: path)
        guard keys.count == 1, let key = keys.first else {
            throw TSIGKeyFileError(
                path: path, line: nil, column: nil,
                message: keys.isEmpty
                    ? "the file holds no key statement; make one with `tsig-keygen -a hmac-sha256 NAME > FILE`"
                    : "the file holds \(keys.count) keys; give a file with only the key that may update the zone")
        }
        return key
    }

    /// Every key statement of the text.
    public static func parse(_ bytes: [UInt8], path: String) throws(TSIGKeyFileError) -> [TSIGKey] {
        var tokens = TSIGKeyTokens(bytes: bytes, path: path)
        var keys: [TSIGKey] = []
        while let token = try tokens.next() {
            guard token.text == "key", !token.quoted else {
                throw tokens.error(
                    at: token,
                    "expected a `key` statement, found '\(token.text)'; give the key file "
                        + "`tsig-keygen` wrote, not named.conf")
            }
            let nameToken = try tokens.expectValue("the key's name")
            guard
                let name = try? DomainName(
                    parsing: nameToken.text.hasSuffix(".") ? nameToken.text : nameToken.text + ".")
            else {
                throw tokens.error(at: nameToken, "'\(nameToken.text)' is not a key name (a domain name)")
            }
            try tokens.expect("{")
            var algorithm: String?
            var secret: [UInt8]?
            while true {
                guard let field = try tokens.next() else {
                    throw tokens.error(at: nil, "the key statement has no closing '}'")
                }
                if field.text == "}", !field.quoted { break }
                switch field.quoted ? "" : field.text.lowercased() {
                case "algorithm":
                    let value = try tokens.expectValue("the algorithm")
                    guard value.text.lowercased() == "hmac-sha256" else {
                        throw tokens.error(
                            at: value,
                            "the algorithm \(value.text) is not supported; mailzone signs with "
                                + "hmac-sha256: make a key with `tsig-keygen -a hmac-sha256 \(name.relative(to: .root))`"
                        )
                    }
                    algorithm = value.text
                case "secret":
                    let value = try tokens.expectValue("the secret")
                    guard let decoded = Base64.decode(Array(value.text.utf8)), !decoded.isEmpty else {
                        throw tokens.error(at: value, "the secret is not base64")
                    }
                    secret = decoded
                default:
                    throw tokens.error(
                        at: field, "'\(field.text)' is not a key setting; a key has `algorithm` and `secret`")
                }
                try tokens.expect(";")
            }
            try tokens.expect(";")
            guard algorithm != nil else {
                throw tokens.error(at: nameToken, "the key \(nameToken.text) has no algorithm")
            }
            guard let secret else { throw tokens.error(at: nameToken, "the key \(nameToken.text) has no secret") }
            keys.append(TSIGKey(name: name, secret: secret))
        }
        return keys
    }
}

/// A key file that cannot be used, with where and why.
public struct TSIGKeyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var description: String {
        guard let line else { return "\(path): \(message)" }
        return "\(path):\(line):\(column ?? 1): \(message)"
    }
}

/// The words, strings and punctuation of BIND's configuration syntax.
struct TSIGKeyTokens {
    struct Token {
        var text: String
        var quoted: Bool
        var line: Int
        var column: Int
    }

    let bytes: [UInt8]
    let path: String
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    func error(at token: Token?, _ message: String) -> TSIGKeyFileError {
        TSIGKeyFileError(
            path: path, line: token?.line ?? line, column: token?.column ?? (index - lineStart + 1),
            message: message)
    }

    mutating func expect(_ punctuation: String) throws(TSIGKeyFileError) {
        let token = try next()
        guard let token, token.text == punctuation, !token.quoted else {
            throw error(
                at: token,
                "expected '\(punctuation)'" + (token.map { ", found '\($0.text)'" } ?? " at the end of the file"))
        }
    }

    mutating func expectValue(_ what: String) throws(TSIGKeyFileError) -> Token {
        let token = try next()
        guard let token, token.quoted || !["{", "}", ";"].contains(token.text) else {
            throw error(
                at: token, "expected \(what)" + (token.map { ", found '\($0.text)'" } ?? " at the end of the file"))
        }
        return token
    }

    /// The next token, nil at the end of the text.
    mutating func next() throws(TSIGKeyFileError) -> Token? {
        skipSpaceAndComments()
        guard index < bytes.count else { return nil }
        let start = index
        let (line, column) = (self.line, start - lineStart + 1)
        let token = { (text: String, quoted: Bool) in Token(text: text, quoted: quoted, line: line, column: column) }
        let byte = bytes[index]
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";") {
            index += 1
            return token(String(decoding: [byte], as: UTF8.self), false)
        }
        if byte == UInt8(ascii: "\"") {
            index += 1
            var text: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                if bytes[index] == UInt8(ascii: "\n") {
                    throw error(at: token("", true), "the quoted text has no closing quote on its line")
                }
                text.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { throw error(at: token("", true), "the quoted text has no closing quote") }
            index += 1
            return token(String(decoding: text, as: UTF8.self), true)
        }
        while index < bytes.count, !Self.separators.contains(bytes[index]) { index += 1 }
        return token(String(decoding: bytes[start..<index], as: UTF8.self), false)
    }

    private static let separators: Set<UInt8> = Set(" \t\r\n{};\"#".utf8)

    private mutating func skipSpaceAndComments() {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                index += 1
                line += 1
                lineStart = index
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "#") || starts("//") {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else if starts("/*") {
                index += 2
                while index < bytes.count, !starts("*/") {
                    if bytes[index] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = index + 1
                    }
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else {
                return
            }
        }
    }

    private func starts(_ text: String) -> Bool {
        let pattern = Array(text.utf8)
        return index + pattern.count <= bytes.count && Array(bytes[index..<(index + pattern.count)]) == pattern
    }
}
