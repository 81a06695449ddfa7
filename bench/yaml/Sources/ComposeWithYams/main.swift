import BenchClock
import Foundation
import Yams

/// Yams' `compose`: the file's text to Yams' node graph (its default resolver), the step Yams'
/// own decoders start from. `bytes` only reads the file: the RSS baseline.
let clock = BenchClock(arguments: CommandLine.arguments, modes: ["bytes", "compose"])
switch clock.mode {
case "compose":
    let text = String(decoding: clock.bytes, as: UTF8.self)
    try clock.time {
        guard let node = try Yams.compose(yaml: text) else { return 0 }
        return count(node)
    }
default:
    clock.time { clock.bytes.count }
}

/// Nodes in the graph, as mailzone's reader counts them (every scalar, list and mapping).
func count(_ node: Node) -> Int {
    switch node {
    case .scalar: return 1
    case .sequence(let items): return 1 + items.reduce(0) { $0 + count($1) }
    case .mapping(let pairs): return 1 + pairs.reduce(0) { $0 + count($1.key) + count($1.value) }
    case .alias: return 1
    }
}
