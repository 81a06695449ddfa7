import Foundation

// The build-time tool of mailzone's two build-tool plugins (Plugins/), which writes Swift
// sources into the build directory, never into the source tree:
//
//   Embedder presets OUTPUT.swift FILE.yaml…
//       `BuiltInPresets.embedded`: each preset file's name (its file name without `.yaml`)
//       and its text as a string literal. The text is kept as is, so the preset format can
//       change without touching this tool.
//   Embedder schemas OUTPUT.swift FILE.schema.json…
//       `EmbeddedSchemas.files`: each JSON Schema's name (its file name without
//       `.schema.json`) and its text.
//   Embedder version OUTPUT.swift CHANGELOG.md COMMIT
//       `BuildVersion.number` (the latest release heading of the changelog) and
//       `BuildVersion.commit`.
//
// A file that cannot be read, is not UTF-8 or has no release heading stops the build with
// its path.

/// `text` as a Swift string literal: quotes, backslashes and every control character escaped.
func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
            out += "\\u{\(String(scalar.value, radix: 16))}"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    exit(1)
}

func text(of path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8 text") }
    return text
}

/// Writes `source` to `path` unless it already holds it, so an unchanged input does not
/// make the module compile again.
func write(_ source: String, to path: String) {
    guard FileManager.default.contents(atPath: path) != Data(source.utf8) else { return }
    do {
        try Data(source.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

func presets(output: String, files: [String]) {
    var source = """
        // Generated at build time by the EmbedPresets plugin from Sources/MailAuth/Presets/*.yaml.

        extension BuiltInPresets {
            /// The built-in preset files: (name, the file's text).
            static let embedded: [(name: String, text: String)] = [

        """
    for path in files {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        source += "        (name: \(literal(name)), text: \(literal(text(of: path)))),\n"
    }
    source += "    ]\n}\n"
    write(source, to: output)
}

func schemas(output: String, files: [String]) {
    var source = """
        // Generated at build time by the EmbedSchemas plugin from schemas/*.schema.json.

        enum EmbeddedSchemas {
            /// The JSON Schemas: (name, the file's text), sorted by name.
            static let files: [(name: String, text: String)] = [

        """
    for path in files {
        let name = String(URL(fileURLWithPath: path).lastPathComponent.dropLast(".schema.json".count))
        source += "        (name: \(literal(name)), text: \(literal(text(of: path)))),\n"
    }
    source += "    ]\n}\n"
    write(source, to: output)
}

/// The first `## [X.Y.Z]` heading of a keep-a-changelog file (`## [Unreleased]` is skipped).
func releaseVersion(changelog path: String) -> String {
    for line in text(of: path).split(separator: "\n") where line.hasPrefix("## [") {
        let name = line.dropFirst("## [".count).prefix { $0 != "]" }
        if name.first?.isNumber == true { return String(name) }
    }
    fail("\(path) has no release heading such as '## [0.1.0] - 2026-12-06'")
}

func version(output: String, changelog: String, commit: String) {
    let source = """
        // Generated at build time by the EmbedVersion plugin from CHANGELOG.md and the git checkout.

        enum BuildVersion {
            /// The latest release in CHANGELOG.md.
            static let number = \(literal(releaseVersion(changelog: changelog)))
            /// The commit built, or "unknown" outside a git checkout.
            static let commit = \(literal(commit))
        }

        """
    write(source, to: output)
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch (arguments.first, arguments.count) {
case ("presets", 2...): presets(output: arguments[1], files: Array(arguments.dropFirst(2)))
case ("schemas", 2...): schemas(output: arguments[1], files: Array(arguments.dropFirst(2)))
case ("version", 4): version(output: arguments[1], changelog: arguments[2], commit: arguments[3])
default:
    fail(
        "usage: Embedder presets OUTPUT.swift FILE.yaml… | Embedder schemas OUTPUT.swift FILE.schema.json… "
            + "| Embedder version OUTPUT.swift CHANGELOG.md COMMIT")
}
