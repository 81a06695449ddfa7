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
        let declaration = try DeclarationLoader.load(
            data: clock.bytes, file: URL(fileURLWithPath: "mailzone.yaml"),
            builtInPresets: presets)
        return declaration.expanded.count
    }
default:
    clock.time { clock.bytes.count }
}

/// Nodes in the document: every scalar, list and mapping. Walked over the document's tables,
/// as Yams' count walks its graph, without making each scalar's `String` (the decoder makes
/// those it reads), so that the `document` step times the reading of the YAML alone.
func count(_ node: YAMLNode) -> Int {
    count(node.index, in: node.document.storage)
}

func count(_ index: UInt32, in storage: YAMLStorage) -> Int {
    storage.children(of: index).reduce(1) { $0 + count($1, in: storage) }
}
