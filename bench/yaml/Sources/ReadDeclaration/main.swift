import BenchClock
import Foundation
import MailAuth
@testable import MailZone

/// mailzone's declaration reader on one file:
/// - `document`: the YAML text to mailzone's positioned, typed document (`YAMLSource.parse`,
///   libyaml's events read one by one), the step that compares with Yams' `compose`;
/// - `declaration`: all of `DeclarationLoader.load`: the document, then the declaration decoded,
///   validated and every sender expanded with the built-in presets;
/// - `bytes`: only reads the file, the RSS baseline.
let clock = BenchClock(arguments: CommandLine.arguments, modes: ["bytes", "document", "declaration"])
switch clock.mode {
case "document":
    try clock.time {
        guard let root = try YAMLSource.parse(data: clock.bytes, file: "mailzone.yaml") else { return 0 }
        return count(root)
    }
case "declaration":
    let presets = try PresetCatalog.builtIn(files: BuiltInPresets.files())
    try clock.time {
        let declaration = try DeclarationLoader.load(data: clock.bytes, file: URL(fileURLWithPath: "mailzone.yaml"),
                                                     builtInPresets: presets)
        return declaration.expanded.count
    }
default:
    clock.time { clock.bytes.count }
}

/// Nodes in the document: every scalar, list and mapping.
func count(_ node: YAMLNode) -> Int {
    switch node.content {
    case .scalar: return 1
    case .sequence(let items): return 1 + items.reduce(0) { $0 + count($1) }
    case .mapping(let pairs): return 1 + pairs.reduce(0) { $0 + count($1.key) + count($1.value) }
    }
}
